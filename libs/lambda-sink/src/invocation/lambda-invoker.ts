import type { InvocationType } from '../config/lambda-sink-options';
import {
  LambdaConfigurationError,
  LambdaTransientError,
  PayloadTooLargeError,
} from '../errors/lambda-errors';
import { describeError, messages } from '../errors/messages';
import type { FunctionRouter } from './function-router';
import { InFlightLimiter, type AttemptEnd } from './in-flight-limiter';
import { classifyInvokeError, isThrottling } from './invoke-error-classifier';
import type { InvokeRequest, InvokeResponse, InvokeTransport } from './invoke-transport';
import { backoffDelayMs, sleep } from './retry-backoff';

export interface LambdaInvokerOptions {
  /** Which function each topic's batches invoke. */
  functions: FunctionRouter;
  region?: string;
  invocationType: InvocationType;
  maxRetries: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
}

/** Where a request came from, for error context and metrics labels. */
export interface InvocationTarget {
  topic: string;
  partition: number;
  firstOffset: number;
  lastOffset: number;
}

export interface InvocationResult {
  statusCode: number;
  /** `Handled` / `Unhandled` when the function itself failed (HTTP 200). */
  functionError?: string;
  /** The function's response body (sync only). */
  responsePayload?: string;
  attempts: number;
  durationMs: number;
}

/**
 * How the caller wants transient failures retried. By default the invoker sleeps between
 * attempts itself. A caller that must not hold anything for long while it waits (a partition
 * whose consumer fetches all partitions together) sets `deferRetriesOverMs`: a backoff longer
 * than that is not slept but thrown as RetryDeferred, and the caller calls again later with
 * `firstAttempt`.
 */
export interface RetryPlan {
  /** The number of the first attempt of this call (1 + attempts made by earlier calls). */
  firstAttempt?: number;
  deferRetriesOverMs?: number;
  /** Told of every retry this call decides on, before it waits or defers. */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

/**
 * A transient failure with retries left, handed back to a caller that waits out the backoff
 * on its own (RetryPlan.deferRetriesOverMs). Not an outcome: nothing about the batch is decided.
 */
export class RetryDeferred extends Error {
  constructor(
    /** The attempt that failed; the next call starts at `attempt + 1`. */
    readonly attempt: number,
    readonly delayMs: number,
    readonly reason: unknown,
  ) {
    super(
      `attempt ${attempt} failed (${describeError(reason)}); retry in ${Math.round(delayMs)} ms`,
    );
    this.name = 'RetryDeferred';
  }
}

export interface InvokerObserver {
  onAttempt?(
    target: InvocationTarget,
    outcome: 'success' | 'function_error' | 'transient' | 'configuration' | 'data',
    durationMs: number,
  ): void;
  onRetry?(target: InvocationTarget, retryNumber: number, delayMs: number, error: unknown): void;
}

/** What the pipeline needs of an invoker: one batch in, the function's answer out. */
export type BatchInvoker = Pick<LambdaInvoker, 'invoke'>;

/**
 * Invokes the function with one batch and owns the retry of transient errors.
 * The SDK's own retries are turned off (maxAttempts 1) so that every attempt is counted,
 * the backoff is ours to bound, and a shutdown can abort the wait.
 * Function errors are returned, not thrown: what they mean depends on behavior.on.error.
 * Each attempt holds a slot of the process-wide `limiter` only while it is on the wire: a batch
 * waiting out a backoff leaves its slot to others, and the limiter hears of every throttle
 * where it happens (the adaptive limit, `aws.lambda.concurrency.adaptive`).
 */
export class LambdaInvoker {
  constructor(
    private readonly transport: InvokeTransport,
    private readonly options: LambdaInvokerOptions,
    private readonly observer: InvokerObserver = {},
    private readonly limiter: InFlightLimiter = new InFlightLimiter(0),
  ) {}

  async invoke(
    payload: Uint8Array,
    target: InvocationTarget,
    signal?: AbortSignal,
    plan: RetryPlan = {},
  ): Promise<InvocationResult> {
    const started = Date.now();
    const invocationType = this.options.invocationType === 'async' ? 'Event' : 'RequestResponse';
    const functionName = this.options.functions.functionFor(target.topic);
    for (let attempt = plan.firstAttempt ?? 1; ; attempt++) {
      const attemptStarted = Date.now();
      try {
        const response = await this.attempt({ functionName, invocationType, payload }, signal);
        const outcome = response.functionError ? 'function_error' : 'success';
        this.observer.onAttempt?.(target, outcome, Date.now() - attemptStarted);
        return {
          statusCode: response.statusCode,
          functionError: response.functionError,
          responsePayload: response.payload,
          attempts: attempt,
          durationMs: Date.now() - started,
        };
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        const kind = classifyInvokeError(error);
        this.observer.onAttempt?.(target, kind, Date.now() - attemptStarted);
        if (kind === 'configuration') throw this.configurationError(error, target);
        if (kind === 'data') {
          throw new PayloadTooLargeError(
            messages.payloadRejected(payload.byteLength, describeError(error)),
            this.context(target),
            { cause: error },
          );
        }
        if (attempt > this.options.maxRetries) {
          throw new LambdaTransientError(
            messages.transientRetriesExhausted(functionName, attempt, describeError(error)),
            this.context(target),
            { cause: error },
          );
        }
        const delay = backoffDelayMs(
          attempt,
          this.options.retryBackoffMs,
          this.options.retryBackoffMaxMs,
        );
        this.observer.onRetry?.(target, attempt, delay, error);
        plan.onRetry?.(attempt, delay, error);
        if (plan.deferRetriesOverMs !== undefined && delay > plan.deferRetriesOverMs)
          throw new RetryDeferred(attempt, delay, error);
        await sleep(delay, signal);
      }
    }
  }

  /** One call on the wire, inside a slot of the in-flight limit. */
  private async attempt(request: InvokeRequest, signal?: AbortSignal): Promise<InvokeResponse> {
    const slot = await this.limiter.acquire(signal);
    let end: AttemptEnd = 'failed';
    try {
      const response = await this.transport.invoke(request, signal);
      end = 'answered';
      return response;
    } catch (error) {
      if (isThrottling(error)) end = 'throttled';
      throw error;
    } finally {
      this.limiter.release(slot, end);
    }
  }

  private configurationError(error: unknown, target: InvocationTarget): LambdaConfigurationError {
    return new LambdaConfigurationError(
      messages.configurationError(
        this.options.functions.functionFor(target.topic),
        this.options.region,
        describeError(error),
      ),
      this.context(target),
      { cause: error },
    );
  }

  private context(target: InvocationTarget) {
    return {
      topic: target.topic,
      partition: target.partition,
      offset: `${target.firstOffset}-${target.lastOffset}`,
      functionName: this.options.functions.functionFor(target.topic),
    };
  }
}
