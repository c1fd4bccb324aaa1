import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  GetFunctionCommand,
  InvokeCommand,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { startLambdaLocal, type LambdaLocal } from './index';
import {
  createTestLambdaClient,
  decodePayload,
  expectServiceError,
  jsonPayload,
} from './testing/sdk-client.fixture';

// Injected faults as the real @aws-sdk/client-lambda classifies them: which ones it
// retries (throttling, 5xx, timeouts), which it surfaces at once (404, 403), and which
// are not errors at all for it (function errors on a 200).
describe('Lambda Local through @aws-sdk/client-lambda: faults', () => {
  let lambda: LambdaLocal;
  let client: LambdaClient;
  const invoke = (FunctionName = 'fn', payload: unknown = [{ value: 'ok' }]) =>
    client.send(new InvokeCommand({ FunctionName, Payload: jsonPayload(payload) }));
  const statuses = () => lambda.invocationsOf('fn').map((r) => r.statusCode);

  before(async () => {
    lambda = await startLambdaLocal({ functions: { fn: (event) => ({ got: event }) } });
    client = createTestLambdaClient(lambda.url, { maxAttempts: 3 });
  });

  after(async () => {
    client.destroy();
    await lambda.close();
  });

  beforeEach(() => {
    lambda.clearFaults();
    lambda.clearInvocations();
  });

  it('throttles the first N calls; the SDK retries TooManyRequestsException and succeeds', async () => {
    lambda.setFaults('fn', { throttle: { firstN: 2, retryAfterSeconds: 0 } });
    const out = await invoke();
    assert.equal(out.StatusCode, 200);
    assert.equal(out.$metadata.attempts, 3);
    assert.deepEqual(statuses(), [429, 429, 200]);
  });

  it('sends TooManyRequestsException with Reason and Retry-After', async () => {
    lambda.setFaults('fn', {
      throttle: {
        reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        retryAfterSeconds: 0,
      },
    });
    const error = await expectServiceError(invoke(), {
      name: 'TooManyRequestsException',
      status: 429,
      attempts: 3,
    });
    assert.ok(error instanceof TooManyRequestsException);
    assert.equal(error.Reason, 'ReservedFunctionConcurrentInvocationLimitExceeded');
    assert.equal(error.retryAfterSeconds, '0');
    assert.equal(lambda.invocationsOf('fn').length, 3);
  });

  it('refuses calls beyond concurrencyLimit.max running ones with 429, as reserved concurrency does', async () => {
    lambda.setFaults('fn', { concurrencyLimit: { max: 2 }, latencyMs: 150 });
    const once = createTestLambdaClient(lambda.url, { maxAttempts: 1 });
    try {
      const calls = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          once.send(new InvokeCommand({ FunctionName: 'fn', Payload: jsonPayload([1]) })),
        ),
      );
      const refused = calls.flatMap((c) => (c.status === 'rejected' ? [c.reason as unknown] : []));
      assert.equal(calls.length - refused.length, 2, 'two ran');
      assert.equal(refused.length, 3, 'three were refused');
      for (const error of refused) {
        assert.ok(error instanceof TooManyRequestsException);
        assert.equal(error.Reason, 'ReservedFunctionConcurrentInvocationLimitExceeded');
      }
      const log = lambda.invocationsOf('fn');
      const answered = (r: (typeof log)[number]) => (r.respondedAt ?? 0) - r.receivedAt;
      assert.ok(
        log.filter((r) => r.statusCode === 429).every((r) => answered(r) < 100),
        'refused at once, without the latency',
      );
      const after = await once.send(
        new InvokeCommand({ FunctionName: 'fn', Payload: jsonPayload([2]) }),
      );
      assert.equal(after.StatusCode, 200, 'the executions ended with their answers');
      const queued = await once.send(
        new InvokeCommand({
          FunctionName: 'fn',
          InvocationType: 'Event',
          Payload: jsonPayload([3]),
        }),
      );
      assert.equal(queued.StatusCode, 202);
    } finally {
      once.destroy();
    }
  });

  it('throws ResourceNotFoundException for an unknown function without retrying', async () => {
    const error = await expectServiceError(invoke('missing'), {
      name: 'ResourceNotFoundException',
      status: 404,
      attempts: 1,
    });
    assert.ok(error instanceof ResourceNotFoundException);
    assert.equal(
      error.message,
      'Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing',
    );
    assert.equal(lambda.invocationsOf('missing').length, 1);
  });

  it('retries 5xx service errors', async () => {
    lambda.setFaults('fn', { serverError: { firstN: 2, status: 502 } });
    const out = await invoke();
    assert.equal(out.$metadata.attempts, 3);
    assert.deepEqual(statuses(), [502, 502, 200]);
    assert.deepEqual(
      lambda.invocationsOf('fn').map((r) => r.errorType),
      ['ResourceNotReadyException', 'ResourceNotReadyException', undefined],
    );
  });

  it('throws ServiceException once the 500s outlast the retries', async () => {
    lambda.setFaults('fn', { serverError: true });
    const error = await expectServiceError(invoke(), {
      name: 'ServiceException',
      status: 500,
      attempts: 3,
    });
    assert.ok(error instanceof ServiceException);
    assert.equal(error.$fault, 'server');
  });

  it('names a 503 ServiceUnavailableException', async () => {
    lambda.setFaults('fn', { serverError: { status: 503 } });
    await expectServiceError(invoke(), {
      name: 'ServiceUnavailableException',
      status: 503,
      attempts: 3,
    });
  });

  it('denies Invoke, DryRun and GetFunction with AccessDeniedException, not retried', async () => {
    lambda.setFaults('fn', { denyInvoke: true });
    await expectServiceError(invoke(), { name: 'AccessDeniedException', status: 403, attempts: 1 });
    await expectServiceError(
      client.send(new InvokeCommand({ FunctionName: 'fn', InvocationType: 'DryRun' })),
      {
        name: 'AccessDeniedException',
        status: 403,
      },
    );
    assert.equal(
      (await client.send(new GetFunctionCommand({ FunctionName: 'fn' }))).Configuration?.State,
      'Active',
    );

    lambda.setFaults('fn', { denyGetFunction: true });
    const error = await expectServiceError(
      client.send(new GetFunctionCommand({ FunctionName: 'fn' })),
      {
        name: 'AccessDeniedException',
        status: 403,
        attempts: 1,
      },
    );
    assert.match(error.message, /not authorized to perform: lambda:GetFunction/);
    assert.equal((await invoke()).StatusCode, 200);
  });

  it('reports injected Handled and Unhandled function errors on a 200, without throwing', async () => {
    lambda.setFaults('fn', { functionError: { firstN: 1, kind: 'Handled', message: 'bad batch' } });
    const handled = await invoke();
    assert.equal(handled.StatusCode, 200);
    assert.equal(handled.FunctionError, 'Handled');
    assert.equal(handled.$metadata.attempts, 1);
    assert.deepEqual(decodePayload(handled.Payload), {
      errorType: 'Error',
      errorMessage: 'bad batch',
      trace: [],
    });
    assert.equal((await invoke()).FunctionError, undefined);

    lambda.setFaults('fn', {
      functionError: { when: (event) => JSON.stringify(event).includes('poison') },
    });
    assert.equal((await invoke('fn', [{ value: 'fine' }])).FunctionError, undefined);
    assert.equal((await invoke('fn', [{ value: 'poison' }])).FunctionError, 'Unhandled');
    assert.deepEqual(
      lambda.invocationsOf('fn').map((r) => r.functionError),
      ['Handled', undefined, undefined, 'Unhandled'],
    );
  });

  it('hangs a call until the client request timeout cuts it', async () => {
    lambda.setFaults('fn', { hang: { firstN: 1 } });
    const impatient = createTestLambdaClient(lambda.url, { maxAttempts: 1, requestTimeoutMs: 200 });
    try {
      const started = Date.now();
      await assert.rejects(
        impatient.send(new InvokeCommand({ FunctionName: 'fn', Payload: jsonPayload([]) })),
        { name: 'TimeoutError' },
      );
      assert.ok(Date.now() - started < 1_000);
      assert.equal(lambda.invocationsOf('fn')[0].hung, true);
      assert.equal(lambda.invocationsOf('fn')[0].statusCode, undefined);
      assert.equal(
        (await impatient.send(new InvokeCommand({ FunctionName: 'fn' }))).StatusCode,
        200,
      );
    } finally {
      impatient.destroy();
    }
  });

  it('lets the SDK retry a hung attempt as a timeout', async () => {
    lambda.setFaults('fn', { hang: { firstN: 1 } });
    const retrying = createTestLambdaClient(lambda.url, { maxAttempts: 2, requestTimeoutMs: 200 });
    try {
      const out = await retrying.send(
        new InvokeCommand({ FunctionName: 'fn', Payload: jsonPayload([]) }),
      );
      assert.equal(out.$metadata.attempts, 2);
      assert.deepEqual(statuses(), [undefined, 200]);
    } finally {
      retrying.destroy();
    }
  });

  it('delays answers by the injected latency', async () => {
    lambda.setFaults('fn', { latencyMs: 150 });
    let started = Date.now();
    await invoke();
    assert.ok(Date.now() - started >= 145, 'fixed latency');

    lambda.setFaults('fn', {
      latencyMs: { min: 50, max: 80 },
      throttle: { firstN: 1, retryAfterSeconds: 0 },
    });
    started = Date.now();
    await invoke();
    // Two attempts (the throttled one and the retry), each delayed by at least 50 ms.
    assert.ok(Date.now() - started >= 95, 'random latency on both attempts');
  });

  it('rejects a malformed fault set, listing every problem', () => {
    assert.throws(
      () =>
        lambda.setFaults('fn', { throttle: { firstN: -1, ratio: 2 }, latencyMs: 'slow' } as never),
      (e: Error & { code: string; problems: string[] }) =>
        e.code === 'LAMBDA_LOCAL_INVALID_FAULTS' && e.problems.length === 4,
    );
  });
});

describe('Lambda Local close()', () => {
  it('ends hung requests and closes promptly', async () => {
    const lambda = await startLambdaLocal({ functions: { fn: () => 'never' } });
    lambda.setFaults('fn', { hang: true });
    const client = createTestLambdaClient(lambda.url, { maxAttempts: 1 });
    const pending = client.send(new InvokeCommand({ FunctionName: 'fn' }));
    pending.catch(() => undefined);
    while (lambda.invocations.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const started = Date.now();
    await lambda.close();
    assert.ok(Date.now() - started < 500);
    await assert.rejects(pending);
    client.destroy();
  });
});
