import type { ConcurrencyPolicy } from './concurrency-policy';

/**
 * Share of the calls in flight kept after a throttle. TCP Reno halves; 0.7 (CUBIC's factor)
 * keeps more of a function's capacity busy between throttles — the limit saws between 0.7 and
 * 1 × what Lambda accepts instead of 0.5 and 1 — and still reaches a far lower capacity in a few
 * cuts (32 → 4 in five), each one answered within a call's round trip.
 */
export const DECREASE_FACTOR = 0.7;

/**
 * How much slower the limit grows once it is back just below where Lambda last throttled. Plain
 * AIMD climbs back into the same throttle every few rounds (one 429 in about eight calls against
 * a function of 4 executions, bench "throttle"); holding just below the last throttle, as CUBIC
 * does near its last window, spends a throttle only every few dozen calls, and still finds more
 * capacity when the function gets it.
 */
export const PROBE_SLOWDOWN = 8;

/**
 * Invocations in flight that follow Lambda's throttling (`aws.lambda.concurrency.adaptive`),
 * additive increase / multiplicative decrease as TCP does with its window:
 *
 * - a throttle (429) cuts the limit to 0.7 × the calls then in flight (never below 1), at most
 *   once per generation: the calls already in flight when the limit was cut were sent under the
 *   old limit, and their throttles say nothing new;
 * - every `limit` answered calls while the limit was saturated raise it by one, up to
 *   `aws.lambda.max.in.flight`; within one of the limit of the last throttle, only every
 *   PROBE_SLOWDOWN × `limit` answered calls. Calls answered while slots stood free do not raise
 *   it: a limit that was never used says nothing about what Lambda accepts (RFC 7661's rule).
 *
 * With `aws.lambda.max.in.flight=0` there is no limit until the first throttle, and no ceiling
 * after it. Pure: no clock, no I/O; the InFlightLimiter feeds it.
 */
export class AdaptiveConcurrency implements ConcurrencyPolicy {
  readonly adaptive = true;
  private current: number;
  private answeredAtThisLimit = 0;
  private cuts = 0;
  /** The limit when Lambda last throttled: the level just below it is the last known good. */
  private throttledAt = Infinity;
  private readonly ceiling: number;

  /** `maxInFlight`: `aws.lambda.max.in.flight`, 0 = no ceiling. */
  constructor(maxInFlight: number) {
    this.ceiling = maxInFlight > 0 ? maxInFlight : Infinity;
    this.current = this.ceiling;
  }

  get limit(): number {
    return this.current;
  }

  get generation(): number {
    return this.cuts;
  }

  answered(saturated: boolean): void {
    if (!saturated || this.current >= this.ceiling) return;
    this.answeredAtThisLimit++;
    // Past the last throttle by more than one, the function evidently got more capacity.
    const nearLastThrottle =
      this.current >= this.throttledAt - 1 && this.current <= this.throttledAt + 1;
    const needed = this.current * (nearLastThrottle ? PROBE_SLOWDOWN : 1);
    if (this.answeredAtThisLimit >= needed) {
      this.current++;
      this.answeredAtThisLimit = 0;
    }
  }

  throttled(generation: number, inFlight: number): void {
    if (generation !== this.cuts) return;
    const base = Math.min(this.current, Math.max(1, inFlight));
    this.throttledAt = base;
    this.current = Math.max(1, Math.floor(base * DECREASE_FACTOR));
    this.answeredAtThisLimit = 0;
    this.cuts++;
  }
}
