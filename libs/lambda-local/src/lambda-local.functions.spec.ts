import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ResourceNotFoundException,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { startLambdaLocal, type LambdaContext, type LambdaLocal } from './index';
import {
  createTestLambdaClient,
  decodePayload,
  exampleFunctionsDir,
  expectServiceError,
} from './testing/sdk-client.fixture';

// How Lambda Local names functions, as the real @aws-sdk/client-lambda addresses them: every
// FunctionName form, versions and aliases, the context a handler gets, and GetFunction.
describe('Lambda Local through @aws-sdk/client-lambda: function names and configuration', () => {
  let lambda: LambdaLocal;
  let client: LambdaClient;
  const seenContexts: LambdaContext[] = [];

  before(async () => {
    lambda = await startLambdaLocal({
      functionsDir: exampleFunctionsDir(),
      functions: {
        context: (_event, context) => {
          seenContexts.push(context);
          return { remaining: context.getRemainingTimeInMillis() };
        },
      },
      functionConfigs: {
        context: { versions: ['1', '2'], aliases: { live: '2', edge: '$LATEST' } },
      },
    });
    client = createTestLambdaClient(lambda.url);
  });

  after(async () => {
    client.destroy();
    await lambda.close();
  });

  beforeEach(() => lambda.clearInvocations());

  it('gives the handler a context for the name, version and ARN it was invoked by', async () => {
    const out = await client.send(new InvokeCommand({ FunctionName: 'context:live' }));
    assert.equal(out.ExecutedVersion, '2');
    const context = seenContexts.at(-1)!;
    assert.equal(context.functionName, 'context');
    assert.equal(context.functionVersion, '2');
    assert.equal(
      context.invokedFunctionArn,
      'arn:aws:lambda:us-east-1:000000000000:function:context:live',
    );
    assert.equal(context.awsRequestId, out.$metadata.requestId);
    assert.ok((decodePayload(out.Payload) as { remaining: number }).remaining > 0);
  });

  it('resolves every FunctionName form and the Qualifier parameter', async () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['context', undefined, '$LATEST'],
      ['context', '1', '1'],
      ['context:edge', undefined, '$LATEST'],
      ['000000000000:function:context:live', undefined, '2'],
      ['arn:aws:lambda:us-east-1:000000000000:function:context', 'live', '2'],
      ['arn:aws:lambda:us-east-1:000000000000:function:context:1', '1', '1'],
    ];
    for (const [FunctionName, Qualifier, version] of cases) {
      const out = await client.send(new InvokeCommand({ FunctionName, Qualifier }));
      assert.equal(out.ExecutedVersion, version, `${FunctionName} ${Qualifier}`);
    }
    assert.ok(lambda.invocations.every((r) => r.functionName === 'context'));
    assert.deepEqual(
      lambda.invocations.map((r) => r.qualifier),
      [undefined, '1', 'edge', 'live', 'live', '1'],
    );
  });

  it('refuses an unknown qualifier, another account and two different qualifiers', async () => {
    await assert.rejects(
      client.send(new InvokeCommand({ FunctionName: 'context', Qualifier: '9' })),
      (e: Error) => e instanceof ResourceNotFoundException && /function:context:9$/.test(e.message),
    );
    await assert.rejects(
      client.send(
        new InvokeCommand({
          FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:context',
        }),
      ),
      ResourceNotFoundException,
    );
    await expectServiceError(
      client.send(new InvokeCommand({ FunctionName: 'context:live', Qualifier: '1' })),
      {
        name: 'InvalidParameterValueException',
        status: 400,
      },
    );
  });

  it('answers GetFunction with an active nodejs configuration', async () => {
    const out = await client.send(new GetFunctionCommand({ FunctionName: 'success' }));
    const config = out.Configuration!;
    assert.equal(config.FunctionName, 'success');
    assert.equal(config.FunctionArn, 'arn:aws:lambda:us-east-1:000000000000:function:success');
    assert.equal(config.Runtime, 'nodejs20.x');
    assert.equal(config.State, 'Active');
    assert.equal(config.LastUpdateStatus, 'Successful');
    assert.equal(config.Handler, 'success.handler');
    assert.equal(config.Version, '$LATEST');
    assert.ok(config.CodeSize! > 0);

    const qualified = await client.send(
      new GetFunctionCommand({ FunctionName: 'context', Qualifier: 'live' }),
    );
    assert.equal(
      qualified.Configuration!.FunctionArn,
      'arn:aws:lambda:us-east-1:000000000000:function:context:live',
    );
    assert.equal(qualified.Configuration!.Version, '2');

    await assert.rejects(
      client.send(new GetFunctionCommand({ FunctionName: 'nope' })),
      ResourceNotFoundException,
    );
  });

  it('answers GetFunctionConfiguration with the same configuration', async () => {
    const out = await client.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'context:1' }),
    );
    assert.equal(out.FunctionArn, 'arn:aws:lambda:us-east-1:000000000000:function:context:1');
    assert.equal(out.Version, '1');
    assert.equal(out.MemorySize, 128);
  });
});
