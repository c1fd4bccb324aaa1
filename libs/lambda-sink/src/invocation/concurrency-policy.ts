/**
 * What decides how many invocations may be in flight at once in the process: a fixed
 * `aws.lambda.max.in.flight`, or a limit that follows Lambda's throttling (AdaptiveConcurrency).
 * The InFlightLimiter asks it for the limit and tells it how each call ended.
 */
export interface ConcurrencyPolicy {
  /** Whether the limit moves with throttling (`aws.lambda.concurrency.adaptive`). */
  readonly adaptive: boolean;
  /** Invocations allowed in flight now; Infinity means no limit. */
  readonly limit: number;
  /**
   * Changes each time the limit is lowered. A call carries the generation it started in, so a
   * throttle of a call that started before the last cut does not cut again for the same storm.
   */
  readonly generation: number;
  /** A call was answered (the function ran); `saturated`: every slot was taken or wanted. */
  answered(saturated: boolean): void;
  /** A call was throttled (429) while `inFlight` calls, this one included, held a slot. */
  throttled(generation: number, inFlight: number): void;
}

/** `aws.lambda.concurrency.adaptive=false`: `aws.lambda.max.in.flight` as it is, 0 = no limit. */
export class FixedConcurrency implements ConcurrencyPolicy {
  readonly adaptive = false;
  readonly generation = 0;
  readonly limit: number;

  constructor(maxInFlight: number) {
    this.limit = maxInFlight > 0 ? maxInFlight : Infinity;
  }

  answered(): void {}

  throttled(): void {}
}
