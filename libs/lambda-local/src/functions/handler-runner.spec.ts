import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLambdaContext } from './lambda-context';
import { runHandler } from './handler-runner';
import type { LambdaHandler } from './lambda-handler.types';

const context = () =>
  createLambdaContext({
    functionName: 'fn',
    executedVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:fn',
    memorySize: 128,
    requestId: 'req-1',
    deadline: Date.now() + 1_000,
  });
const run = (handler: LambdaHandler, timeoutMs = 1_000) =>
  runHandler(handler, { a: 1 }, context(), timeoutMs);

describe('runHandler', () => {
  it('serializes async, sync and callback results alike', async () => {
    assert.deepEqual(await run(async (e) => e), { kind: 'result', body: '{"a":1}' });
    assert.deepEqual(await run((e) => e), { kind: 'result', body: '{"a":1}' });
    assert.deepEqual(await run((e, _c, cb) => setTimeout(() => cb(null, e), 1)), {
      kind: 'result',
      body: '{"a":1}',
    });
  });

  it('returns null for a handler that returns nothing', async () => {
    assert.deepEqual(await run(() => undefined), { kind: 'result', body: 'null' });
  });

  it('reports a throw, a rejection and a callback error as Unhandled', async () => {
    for (const handler of [
      () => {
        throw new RangeError('r');
      },
      () => Promise.reject(new RangeError('r')),
      (_e: unknown, _c: unknown, cb: (error: unknown) => void) => cb(new RangeError('r')),
    ] as LambdaHandler[]) {
      const outcome = await run(handler);
      assert.equal(outcome.kind, 'error');
      if (outcome.kind === 'error') {
        assert.equal(outcome.functionError, 'Unhandled');
        assert.equal(outcome.error.errorType, 'RangeError');
        assert.equal(outcome.error.errorMessage, 'r');
      }
    }
  });

  it('times out a handler that runs past its limit', async () => {
    // The runner's timer is unref'd (a stuck handler must not hold the process open); in
    // the server an open socket keeps the process alive, here this timer does.
    const keepAlive = setTimeout(() => undefined, 1_000);
    const outcome = await run(() => new Promise(() => undefined), 20);
    clearTimeout(keepAlive);
    assert.equal(outcome.kind === 'error' && outcome.error.errorType, 'Sandbox.Timedout');
    assert.equal(
      outcome.kind === 'error' && outcome.error.errorMessage,
      'RequestId: req-1 Error: Task timed out after 0.02 seconds',
    );
  });

  it('reports a result that cannot be serialized', async () => {
    const outcome = await run(() => ({ n: 1n }));
    assert.equal(outcome.kind === 'error' && outcome.error.errorType, 'Runtime.SerializationError');
  });
});
