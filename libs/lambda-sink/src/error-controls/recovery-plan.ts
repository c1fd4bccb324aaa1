/** One invocation the plan asks for: these records, and whether it is a retry (waits a backoff). */
export interface RecoveryStep<T> {
  records: readonly T[];
  /** Retries of a function error left for these records (`aws.lambda.function.error.retries`). */
  retriesLeft: number;
  /** 0 for a first invocation or a bisected half, n for the n-th retry of these records. */
  retryNumber: number;
}

/** What an invocation of a step's records came to. */
export type StepOutcome<T> =
  | { kind: 'succeeded' }
  /** A function error (X-Amz-Function-Error, or a malformed partial batch response). */
  | { kind: 'function-error' }
  /** A partial batch response naming `failed` (never empty). */
  | { kind: 'partial'; failed: readonly T[] };

/** Records whose fate an outcome settled: done, or failed for good (behavior.on.error decides). */
export interface Settled<T> {
  succeeded: T[];
  failed: T[];
}

export interface RecoveryPlanOptions<T> {
  /** `aws.lambda.bisect.on.error`. */
  bisect: boolean;
  /** `aws.lambda.function.error.retries`. */
  retries: number;
  /** The records a partial failure sends round again (see retry-set.ts). */
  toRetry: (records: readonly T[], failed: readonly T[]) => T[];
}

/**
 * Decides, invocation by invocation, how a batch that met a function error is worked through:
 * bisection, retries and partial batch responses. Pure: the caller invokes what `next()` gives
 * and reports the outcome; the plan says which records that settled.
 *
 * - A function error on several records with bisection on splits them into halves, first half
 *   first (offset order is kept: a half is finished before the next starts). Splitting does
 *   not use up retries, as with AWS's trigger. For k poison records in n, the halves invoked
 *   beyond the first invocation are at most 2·k·⌈log2 n⌉: each level of the split holds at
 *   most k failing groups, each adds its two halves, and there are ⌈log2 n⌉ levels.
 * - Otherwise a function error is retried on the same records while retries are left, then
 *   the records fail.
 * - A partial response settles the records that need no retry as succeeded; the rest go round
 *   again while retries are left, else the reported records fail and the others succeed.
 */
export class RecoveryPlan<T> {
  /** Steps still to invoke, the next one last. */
  private readonly stack: RecoveryStep<T>[];

  constructor(
    records: readonly T[],
    private readonly options: RecoveryPlanOptions<T>,
  ) {
    this.stack =
      records.length > 0 ? [{ records, retriesLeft: options.retries, retryNumber: 0 }] : [];
  }

  next(): RecoveryStep<T> | undefined {
    return this.stack.pop();
  }

  /**
   * `invoked` of `step` (its records, possibly fewer when some expired before the call) came
   * to `outcome`. Returns what that settled; unsettled records are in later steps.
   */
  report(step: RecoveryStep<T>, invoked: readonly T[], outcome: StepOutcome<T>): Settled<T> {
    switch (outcome.kind) {
      case 'succeeded':
        return { succeeded: [...invoked], failed: [] };
      case 'function-error':
        if (this.options.bisect && invoked.length > 1) {
          const middle = Math.ceil(invoked.length / 2);
          const half = (records: readonly T[]) => ({
            records,
            retriesLeft: step.retriesLeft,
            retryNumber: 0,
          });
          this.stack.push(half(invoked.slice(middle)), half(invoked.slice(0, middle)));
          return { succeeded: [], failed: [] };
        }
        if (step.retriesLeft > 0) {
          this.stack.push(this.retryOf(step, invoked));
          return { succeeded: [], failed: [] };
        }
        return { succeeded: [], failed: [...invoked] };
      case 'partial': {
        if (step.retriesLeft > 0) {
          const again = this.options.toRetry(invoked, outcome.failed);
          const retried = new Set(again);
          this.stack.push(this.retryOf(step, again));
          return { succeeded: invoked.filter((r) => !retried.has(r)), failed: [] };
        }
        const failed = new Set(outcome.failed);
        return {
          succeeded: invoked.filter((r) => !failed.has(r)),
          failed: invoked.filter((r) => failed.has(r)),
        };
      }
    }
  }

  private retryOf(step: RecoveryStep<T>, records: readonly T[]): RecoveryStep<T> {
    return { records, retriesLeft: step.retriesLeft - 1, retryNumber: step.retryNumber + 1 };
  }
}

/** The most invocations beyond the first that bisecting k poison records out of n may take. */
export function bisectInvocationBound(poison: number, records: number): number {
  return 2 * poison * Math.ceil(Math.log2(Math.max(1, records)));
}
