import type { FunctionErrorKind } from '../functions/handler-runner';

/**
 * When a fault fires. `firstN`: exactly the first N calls that reach this fault after the
 * faults were set; `ratio`: each call with this probability; neither: every call.
 * `true` is shorthand for "every call". `when` / `payloadContains` limit the fault to the calls
 * that match (one partition's batches, say); only those count for `firstN`.
 */
export interface FaultTrigger {
  firstN?: number;
  ratio?: number;
  /** Only calls whose parsed event passes this fire (in-process use only). */
  when?: (event: unknown) => boolean;
  /** Only calls whose raw payload contains this text fire (usable over HTTP). */
  payloadContains?: string;
}

/** Fixed milliseconds, or a uniform random delay between `min` and `max`. */
export type LatencyFault = number | { min: number; max: number };

export interface ThrottleFault extends FaultTrigger {
  /** TooManyRequestsException's `Reason`. Default `ConcurrentInvocationLimitExceeded`. */
  reason?: string;
  /** The `Retry-After` header, in seconds. Default 1; 0 lets SDK retries go at full speed. */
  retryAfterSeconds?: number;
}

/**
 * The function may run at most `max` synchronous calls at once, as with AWS's reserved
 * concurrency: a RequestResponse call arriving while `max` are running (from arrival until
 * their answer is written, injected latency included) is answered at once, without latency,
 * 429 TooManyRequestsException. Event calls are not refused: AWS queues them.
 */
export interface ConcurrencyLimitFault {
  /** Executions at once; 0 refuses every call (reserved concurrency 0). */
  max: number;
  /** TooManyRequestsException's `Reason`. Default `ReservedFunctionConcurrentInvocationLimitExceeded`. */
  reason?: string;
  /** The `Retry-After` header, in seconds. Default 1. */
  retryAfterSeconds?: number;
}

export interface ServerErrorFault extends FaultTrigger {
  /** Default 500. */
  status?: 500 | 502 | 503 | 504;
  /** The `x-amzn-ErrorType`; defaults to the usual type for the status. */
  errorType?: string;
}

export interface FunctionErrorFault extends FaultTrigger {
  /** Default `Unhandled`. */
  kind?: FunctionErrorKind;
  message?: string;
  /** The body's `errorType`. Default `Error`. */
  errorType?: string;
}

/**
 * Faults of one function. They are checked in this order, and a call stopped by one never
 * reaches (nor counts for) the later ones: denyInvoke, concurrencyLimit, throttle, serverError,
 * hang, functionError. `latencyMs` delays whatever answer follows, except a concurrency-limit
 * refusal. DryRun calls see only `denyInvoke`; GetFunction sees only `denyGetFunction`.
 */
export interface LambdaFaults {
  latencyMs?: LatencyFault;
  concurrencyLimit?: ConcurrencyLimitFault;
  throttle?: ThrottleFault | true;
  serverError?: ServerErrorFault | true;
  functionError?: FunctionErrorFault | true;
  /** Accept the request and never answer until close() (or the client gives up). */
  hang?: FaultTrigger | true;
  /** Invoke (all types) answers 403 AccessDeniedException. */
  denyInvoke?: boolean;
  /** GetFunction answers 403 AccessDeniedException. */
  denyGetFunction?: boolean;
}
