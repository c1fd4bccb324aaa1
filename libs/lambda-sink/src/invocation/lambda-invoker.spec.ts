import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LambdaTransientError } from '../errors/lambda-errors';
import { AdaptiveConcurrency } from './adaptive-concurrency';
import { FunctionRouter } from './function-router';
import { InFlightLimiter } from './in-flight-limiter';
import type { InvokeRequest, InvokeResponse, InvokeTransport } from './invoke-transport';
import { LambdaInvoker, RetryDeferred, type LambdaInvokerOptions } from './lambda-invoker';

/** A transport that answers 500 for the first `failures` calls, then succeeds. */
function flakyTransport(failures: number): InvokeTransport & { calls: number } {
  return {
    calls: 0,
    async invoke(): Promise<InvokeResponse> {
      this.calls++;
      if (this.calls <= failures) {
        throw Object.assign(new Error('boom'), {
          name: 'ServiceException',
          $metadata: { httpStatusCode: 500 },
        });
      }
      return { statusCode: 200, payload: '[]' };
    },
    async close() {},
  };
}

const options = (over: Partial<LambdaInvokerOptions> = {}): LambdaInvokerOptions => ({
  functions: FunctionRouter.fromOptions({ configurationMode: 'single', functionName: 'fn' }),
  invocationType: 'sync',
  maxRetries: 5,
  retryBackoffMs: 1,
  retryBackoffMaxMs: 4,
  ...over,
});
const target = { topic: 't', partition: 0, firstOffset: 0, lastOffset: 9 };
const payload = new Uint8Array([91, 93]);

describe('LambdaInvoker retries', () => {
  it('waits out short backoffs itself and reports every retry to the call', async () => {
    const transport = flakyTransport(2);
    const retries: number[] = [];
    const result = await new LambdaInvoker(transport, options()).invoke(
      payload,
      target,
      undefined,
      {
        deferRetriesOverMs: 1000,
        onRetry: (attempt) => retries.push(attempt),
      },
    );
    assert.equal(result.attempts, 3);
    assert.deepEqual(retries, [1, 2]);
  });

  it('hands a backoff longer than deferRetriesOverMs back as RetryDeferred, without sleeping', async () => {
    const transport = flakyTransport(1);
    const invoker = new LambdaInvoker(
      transport,
      options({ retryBackoffMs: 60_000, retryBackoffMaxMs: 60_000 }),
    );
    const started = Date.now();
    const deferred = await invoker
      .invoke(payload, target, undefined, { deferRetriesOverMs: 1000 })
      .then(
        () => assert.fail('expected RetryDeferred'),
        (e: unknown) => e,
      );
    assert.ok(deferred instanceof RetryDeferred);
    assert.equal(deferred.attempt, 1);
    assert.ok(deferred.delayMs >= 30_000, 'the backoff it did not sleep');
    assert.ok(Date.now() - started < 10_000, 'returned at once');
  });

  it('counts attempts across deferred calls: the retry budget is per batch, not per call', async () => {
    const transport = flakyTransport(100);
    const invoker = new LambdaInvoker(transport, options({ maxRetries: 3 }));
    // Two attempts were made by earlier calls; attempts 3 and 4 remain, then retries run out.
    const error = await invoker.invoke(payload, target, undefined, { firstAttempt: 3 }).then(
      () => assert.fail('expected the retries to run out'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof LambdaTransientError);
    assert.match(error.message, /after 4 attempts/);
    assert.equal(transport.calls, 2);
  });
});

/** A transport that throttles (429) the first `throttles` calls, counting calls on the wire. */
function throttlingTransport(throttles: number) {
  const transport = {
    calls: 0,
    onWire: 0,
    async invoke(): Promise<InvokeResponse> {
      this.calls++;
      this.onWire++;
      await new Promise((r) => setTimeout(r, 2));
      this.onWire--;
      if (this.calls <= throttles) {
        throw Object.assign(new Error('Rate Exceeded.'), {
          name: 'TooManyRequestsException',
          $metadata: { httpStatusCode: 429 },
        });
      }
      return { statusCode: 200, payload: '[]' };
    },
    async close() {},
  };
  return transport;
}

describe('LambdaInvoker and the in-flight limit', () => {
  it('holds a slot only while an attempt is on the wire, not while it backs off', async () => {
    const limiter = new InFlightLimiter(1);
    const transport = throttlingTransport(1);
    const invoker = new LambdaInvoker(
      transport,
      options({ retryBackoffMs: 200, retryBackoffMaxMs: 200 }),
      {},
      limiter,
    );
    let retrying = false;
    const first = invoker.invoke(payload, target, undefined, {
      onRetry: () => (retrying = true),
    });
    while (!retrying) await new Promise((r) => setTimeout(r, 1));
    assert.equal(limiter.inFlight, 0, 'the backing-off call left its slot');
    const other = await invoker.invoke(payload, target);
    assert.equal(other.attempts, 1, 'another batch went out meanwhile');
    assert.equal((await first).attempts, 2);
    assert.equal(limiter.inFlight, 0);
  });

  it('tells an adaptive limit of throttles and answers', async () => {
    const policy = new AdaptiveConcurrency(4);
    const limiter = new InFlightLimiter(policy);
    const invoker = new LambdaInvoker(throttlingTransport(4), options(), {}, limiter);
    const results = await Promise.all([1, 2, 3, 4].map(() => invoker.invoke(payload, target)));
    assert.ok(results.every((r) => r.statusCode === 200));
    assert.ok(policy.generation >= 1, 'the throttles cut the limit');
    assert.ok(policy.limit < 4, `limit ${policy.limit}`);
  });

  it('does not lower the limit for errors other than throttling', async () => {
    const policy = new AdaptiveConcurrency(4);
    const invoker = new LambdaInvoker(
      flakyTransport(3),
      options(),
      {},
      new InFlightLimiter(policy),
    );
    await invoker.invoke(payload, target);
    assert.equal(policy.limit, 4);
    assert.equal(policy.generation, 0);
  });
});

describe('LambdaInvoker with several functions', () => {
  it("invokes each batch's topic's own function and names it in errors", async () => {
    const called: string[] = [];
    const transport: InvokeTransport = {
      async invoke(request: InvokeRequest): Promise<InvokeResponse> {
        called.push(request.functionName);
        if (request.functionName === 'payments-fn')
          throw Object.assign(new Error('gone'), {
            name: 'ResourceNotFoundException',
            $metadata: { httpStatusCode: 404 },
          });
        return { statusCode: 200, payload: '[]' };
      },
      async close() {},
    };
    const functions = FunctionRouter.fromOptions({
      configurationMode: 'multiple',
      topicFunctions: { orders: 'orders-fn', payments: 'payments-fn' },
    });
    const invoker = new LambdaInvoker(transport, options({ functions }));
    await invoker.invoke(payload, { ...target, topic: 'orders' });
    const failed = await invoker.invoke(payload, { ...target, topic: 'payments' }).then(
      () => undefined,
      (error: unknown) => error as Error & { context: { functionName?: string } },
    );
    assert.deepEqual(called, ['orders-fn', 'payments-fn']);
    assert.equal(failed?.context.functionName, 'payments-fn');
    assert.match(failed?.message ?? '', /payments-fn/);
  });
});
