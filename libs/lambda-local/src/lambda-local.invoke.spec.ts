import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { startLambdaLocal, type LambdaContext, type LambdaLocal } from './index';
import {
  createTestLambdaClient,
  decodePayload,
  eventually,
  exampleFunctionsDir,
  expectServiceError,
  jsonPayload,
} from './testing/sdk-client.fixture';

// What the real @aws-sdk/client-lambda gets from Lambda Local for the normal outcomes of
// Invoke: statuses, headers, payloads and handler modules (names and GetFunction: lambda-local.functions.spec.ts).
describe('Lambda Local through @aws-sdk/client-lambda: invoke', () => {
  let lambda: LambdaLocal;
  let client: LambdaClient;
  const seenContexts: LambdaContext[] = [];

  before(async () => {
    lambda = await startLambdaLocal({
      functionsDir: exampleFunctionsDir(),
      functions: {
        boom: () => {
          throw new TypeError('kaput');
        },
        context: (_event, context) => {
          seenContexts.push(context);
          return { remaining: context.getRemainingTimeInMillis() };
        },
        slow: () => new Promise((resolve) => setTimeout(() => resolve('late'), 1_000)),
        callback: (event, _context, callback) => callback(null, { fromCallback: event }),
      },
      functionConfigs: {
        context: { versions: ['1', '2'], aliases: { live: '2', edge: '$LATEST' } },
        slow: { timeoutSeconds: 0.1 },
      },
    });
    client = createTestLambdaClient(lambda.url);
  });

  after(async () => {
    client.destroy();
    await lambda.close();
  });

  beforeEach(() => lambda.clearInvocations());

  it('loads every handler module of the functions folder', () => {
    for (const name of ['success', 'echo', 'coordinates', 'fail-on-poison']) {
      assert.ok(lambda.functionNames().includes(name), name);
    }
  });

  it('answers RequestResponse with 200, the result and the executed version', async () => {
    const event = [{ payload: { topic: 't', partition: 0, offset: 1, value: 'v' } }];
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'echo', Payload: jsonPayload(event) }),
    );
    assert.equal(out.StatusCode, 200);
    assert.equal(out.ExecutedVersion, '$LATEST');
    assert.equal(out.FunctionError, undefined);
    assert.deepEqual(decodePayload(out.Payload), event);

    const [record] = lambda.invocations;
    assert.equal(record.functionName, 'echo');
    assert.equal(record.invocationType, 'RequestResponse');
    assert.equal(record.statusCode, 200);
    assert.equal(record.payload, JSON.stringify(event));
    assert.deepEqual(record.event, event);
    assert.equal(record.requestId, out.$metadata.requestId);
    assert.ok(record.respondedAt! >= record.receivedAt);
  });

  it('runs the Confluent sample: one success object per record', async () => {
    const event = [1, 2, 3].map((offset) => ({ payload: { topic: 't', partition: 0, offset } }));
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'success', Payload: jsonPayload(event) }),
    );
    assert.deepEqual(decodePayload(out.Payload), [
      { body: 'Successfully executed Lambda!', status_code: 200 },
      { body: 'Successfully executed Lambda!', status_code: 200 },
      { body: 'Successfully executed Lambda!', status_code: 200 },
    ]);
  });

  it('answers in coordinates format, reversed', async () => {
    const event = [5, 6].map((offset) => ({
      payload: { topic: 't', partition: 2, offset, value: `v${offset}` },
    }));
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'coordinates', Payload: jsonPayload(event) }),
    );
    assert.deepEqual(decodePayload(out.Payload), [
      { payload: { result: { processed: 'v6' }, topic: 't', partition: 2, offset: 6 } },
      { payload: { result: { processed: 'v5' }, topic: 't', partition: 2, offset: 5 } },
    ]);
  });

  it('reports a throwing handler as FunctionError Unhandled on a 200, without throwing', async () => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'boom', Payload: jsonPayload({}) }),
    );
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, 'Unhandled');
    const body = decodePayload(out.Payload) as {
      errorType: string;
      errorMessage: string;
      trace: string[];
    };
    assert.equal(body.errorType, 'TypeError');
    assert.equal(body.errorMessage, 'kaput');
    assert.match(body.trace[0], /^TypeError: kaput/);
    assert.equal(lambda.invocations[0].functionError, 'Unhandled');
  });

  it('fails the batch holding a poison record (fail-on-poison module)', async () => {
    const batch = (value: string) => [{ payload: { topic: 't', partition: 0, offset: 9, value } }];
    const ok = await client.send(
      new InvokeCommand({ FunctionName: 'fail-on-poison', Payload: jsonPayload(batch('fine')) }),
    );
    assert.equal(ok.FunctionError, undefined);
    const bad = await client.send(
      new InvokeCommand({
        FunctionName: 'fail-on-poison',
        Payload: jsonPayload(batch('a poison pill')),
      }),
    );
    assert.equal(bad.FunctionError, 'Unhandled');
    assert.match((decodePayload(bad.Payload) as { errorMessage: string }).errorMessage, /t-0@9/);
  });

  it('ends a handler past its timeout with Sandbox.Timedout', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: 'slow' }));
    assert.equal(out.FunctionError, 'Unhandled');
    assert.equal(
      (decodePayload(out.Payload) as { errorType: string }).errorType,
      'Sandbox.Timedout',
    );
  });

  it('supports callback-style handlers', async () => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'callback', Payload: jsonPayload(7) }),
    );
    assert.deepEqual(decodePayload(out.Payload), { fromCallback: 7 });
  });

  it('accepts Event with 202 and runs the handler afterwards', async () => {
    const out = await client.send(
      new InvokeCommand({
        FunctionName: 'boom',
        InvocationType: 'Event',
        Payload: jsonPayload({}),
      }),
    );
    assert.equal(out.StatusCode, 202);
    assert.equal(decodePayload(out.Payload), undefined);
    const [record] = lambda.invocations;
    await eventually(() => record.completedAt !== undefined);
    assert.equal(record.statusCode, 202);
    assert.equal(record.functionError, 'Unhandled');
  });

  it('answers DryRun with 204 without running the handler', async () => {
    const before = seenContexts.length;
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'context', InvocationType: 'DryRun' }),
    );
    assert.equal(out.StatusCode, 204);
    assert.equal(seenContexts.length, before);
    assert.equal(lambda.invocations[0].invocationType, 'DryRun');
  });

  it('returns the platform log lines for LogType Tail', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: 'echo', LogType: 'Tail' }));
    const log = Buffer.from(out.LogResult!, 'base64').toString('utf8');
    assert.ok(
      log.startsWith(`START RequestId: ${out.$metadata.requestId} Version: $LATEST\n`),
      log,
    );
    assert.match(log, /REPORT RequestId: .*Duration: /);
  });

  it('refuses a payload over 6 MB (sync) and over 1 MB (Event) with RequestTooLargeException', async () => {
    const big = (bytes: number) => jsonPayload('x'.repeat(bytes));
    await expectServiceError(
      client.send(new InvokeCommand({ FunctionName: 'echo', Payload: big(6_291_456) })),
      {
        name: 'RequestTooLargeException',
        status: 413,
        attempts: 1,
      },
    );
    await expectServiceError(
      client.send(
        new InvokeCommand({
          FunctionName: 'echo',
          InvocationType: 'Event',
          Payload: big(1_048_576),
        }),
      ),
      { name: 'RequestTooLargeException', status: 413, attempts: 1 },
    );
    const atLimit = await client.send(
      new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Event', Payload: big(1_048_574) }),
    );
    assert.equal(atLimit.StatusCode, 202);
    assert.deepEqual(
      lambda.invocations.map((r) => [r.statusCode, r.errorType, r.payload === undefined]),
      [
        [413, 'RequestTooLargeException', true],
        [413, 'RequestTooLargeException', true],
        [202, undefined, false],
      ],
    );
  });

  it('refuses a body that is not JSON with InvalidRequestContentException', async () => {
    await expectServiceError(
      client.send(
        new InvokeCommand({ FunctionName: 'echo', Payload: new TextEncoder().encode('{not json') }),
      ),
      { name: 'InvalidRequestContentException', status: 400, attempts: 1 },
    );
  });

  it('delivers an empty payload as {}', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: 'echo' }));
    assert.deepEqual(decodePayload(out.Payload), {});
  });
});
