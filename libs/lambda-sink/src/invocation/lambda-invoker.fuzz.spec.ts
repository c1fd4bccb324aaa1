import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  LambdaConfigurationError,
  LambdaTransientError,
  PayloadTooLargeError,
} from '../errors/lambda-errors';
import { fuzzParameters } from '../testing/fuzz-parameters';
import { decodeResponse, type InvokeResponse, type InvokeTransport } from './invoke-transport';
import { FunctionRouter } from './function-router';
import { LambdaInvoker } from './lambda-invoker';

// What Lambda (or a proxy, or the network in between) answers is not the sink's to choose: any
// status, any function-error marker, any body bytes, or any error the SDK throws. The invoker
// must hand back the answer or one of its typed errors, after a bounded number of attempts.

const MAX_RETRIES = 3;

const answer = fc.record({
  kind: fc.constant('answer' as const),
  statusCode: fc.oneof(fc.constantFrom(200, 202, 204), fc.integer({ min: 0, max: 999 })),
  functionError: fc.option(fc.oneof(fc.constantFrom('Handled', 'Unhandled'), fc.string()), {
    nil: undefined,
  }),
  body: fc.option(fc.uint8Array({ maxLength: 200 }), { nil: undefined }),
});
const failure = fc.record({
  kind: fc.constant('failure' as const),
  name: fc.oneof(
    fc.constantFrom(
      'TooManyRequestsException',
      'ServiceException',
      'ResourceNotFoundException',
      'AccessDeniedException',
      'RequestTooLargeException',
      'TimeoutError',
      'AbortError',
      'Error',
      '',
    ),
    fc.string({ maxLength: 20 }),
  ),
  code: fc.option(fc.constantFrom('ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EWHATEVER'), {
    nil: undefined,
  }),
  status: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
  message: fc.oneof(fc.constantFrom('socket hang up', 'read timed out', ''), fc.string()),
});
const outcomes = fc.array(fc.oneof(answer, failure), { minLength: 1, maxLength: MAX_RETRIES + 2 });

type ArbitraryValue<T> = T extends fc.Arbitrary<infer V> ? V : never;
type Outcome = ArbitraryValue<typeof answer> | ArbitraryValue<typeof failure>;

/** Plays the outcomes in order; past the end, the last one again. */
function scripted(script: Outcome[]): InvokeTransport & { calls: number } {
  return {
    calls: 0,
    async invoke(): Promise<InvokeResponse> {
      const next = script[Math.min(this.calls++, script.length - 1)];
      if (next.kind === 'answer') {
        return decodeResponse({
          statusCode: next.statusCode,
          functionError: next.functionError,
          payload: next.body,
        });
      }
      throw Object.assign(new Error(next.message), {
        name: next.name,
        code: next.code,
        $metadata: next.status === undefined ? undefined : { httpStatusCode: next.status },
      });
    },
    async close() {},
  };
}

describe('LambdaInvoker over any answer or failure (fuzzed)', () => {
  it('returns an answer or a typed error naming the function, within bounded attempts', async () => {
    await fc.assert(
      fc.asyncProperty(outcomes, async (script) => {
        const transport = scripted(script);
        const invoker = new LambdaInvoker(transport, {
          functions: FunctionRouter.fromOptions({
            configurationMode: 'single',
            functionName: 'fuzzed-fn',
          }),
          invocationType: 'sync',
          maxRetries: MAX_RETRIES,
          retryBackoffMs: 0,
          retryBackoffMaxMs: 1,
        });
        const target = { topic: 't', partition: 0, firstOffset: 0, lastOffset: 1 };
        try {
          const result = await invoker.invoke(new Uint8Array([91, 93]), target);
          const answered = script[Math.min(result.attempts - 1, script.length - 1)];
          assert.equal(answered.kind, 'answer');
          assert.equal(result.statusCode, answered.statusCode);
          assert.equal(result.functionError, answered.functionError);
          assert.equal(typeof (result.responsePayload ?? ''), 'string');
        } catch (error) {
          assert.ok(
            error instanceof LambdaTransientError ||
              error instanceof LambdaConfigurationError ||
              error instanceof PayloadTooLargeError,
            `not a typed error: ${String(error)}`,
          );
          assert.equal(error.retryable, error instanceof LambdaTransientError);
          if (!(error instanceof PayloadTooLargeError)) assert.match(error.message, /fuzzed-fn/);
        }
        assert.ok(transport.calls <= MAX_RETRIES + 1, `${transport.calls} attempts`);
      }),
      fuzzParameters(600),
    );
  });
});
