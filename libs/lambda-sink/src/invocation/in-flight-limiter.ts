import { FixedConcurrency, type ConcurrencyPolicy } from './concurrency-policy';

/** A slot taken for one invocation attempt; handed back with how the attempt ended. */
export interface InFlightSlot {
  /** The policy's generation when the slot was taken. */
  readonly generation: number;
}

/**
 * How an attempt ended, for the policy: `answered` (the function ran, whatever it returned),
 * `throttled` (429), `failed` (anything else: says nothing about Lambda's concurrency).
 */
export type AttemptEnd = 'answered' | 'throttled' | 'failed';

/** Told whenever the calls in flight or the limit may have changed (for the gauges). */
export type InFlightListener = (inFlight: number, limit: number) => void;

/**
 * A counting semaphore for invocations in flight (`aws.lambda.max.in.flight`): Lambda's account
 * and function concurrency are finite, and a sink with many partitions and in-partition
 * parallelism could otherwise open more calls at once than the function may run. The limit comes
 * from a ConcurrencyPolicy, fixed or adaptive; one limiter is shared by every partition and task
 * of the process, so a cut applies across partitions and within them. Waiters are served in order.
 */
export class InFlightLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  readonly policy: ConcurrencyPolicy;

  /** A number is a fixed limit, 0 = unlimited. */
  constructor(
    policy: ConcurrencyPolicy | number,
    private readonly listener: InFlightListener = () => {},
  ) {
    this.policy = typeof policy === 'number' ? new FixedConcurrency(policy) : policy;
    this.notify();
  }

  get inFlight(): number {
    return this.active;
  }

  get limit(): number {
    return this.policy.limit;
  }

  /** Resolves once a slot is taken; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<InFlightSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.waiting.length === 0 && this.active < this.policy.limit)
      return Promise.resolve(this.take());
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.take());
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason);
      };
      this.waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(slot: InFlightSlot, end: AttemptEnd = 'failed'): void {
    if (end === 'answered')
      this.policy.answered(this.waiting.length > 0 || this.active >= this.policy.limit);
    else if (end === 'throttled') this.policy.throttled(slot.generation, this.active);
    this.active--;
    // A raised limit may let more than one waiter in.
    while (this.waiting.length > 0 && this.active < this.policy.limit) this.waiting.shift()?.();
    this.notify();
  }

  private take(): InFlightSlot {
    this.active++;
    this.notify();
    return { generation: this.policy.generation };
  }

  private notify(): void {
    this.listener(this.active, this.policy.limit);
  }
}
