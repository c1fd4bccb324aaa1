/**
 * A counting semaphore for invocations in flight (`aws.lambda.max.in.flight`): Lambda's account
 * concurrency is finite, and a sink with many partitions and in-partition parallelism could
 * otherwise open more calls at once than the function may run. Waiters are served in order.
 */
export class InFlightLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  /** `limit` 0 means unlimited. */
  constructor(private readonly limit: number) {}

  get inFlight(): number {
    return this.active;
  }

  /** Resolves once a slot is taken; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.limit === 0 || this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve();
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

  release(): void {
    this.active--;
    const next = this.waiting.shift();
    if (next) next();
  }
}
