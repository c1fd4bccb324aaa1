import type { KeyedBatchScheduler } from '../batching/keyed-batch-scheduler';
import type { BatchPlanItem } from '../batching/lambda-batch';

/** What one Lambda batch came to: done (or handled by policy), or a reason to stop. */
export type ItemVerdict = 'continue' | 'retry-later' | 'fail-partition' | 'fail-task';

export interface ConcurrentDispatchDeps {
  /** `aws.lambda.max.in.flight.per.partition`. */
  maxInFlight: number;
  invoke: (item: BatchPlanItem) => Promise<ItemVerdict>;
  /** These records are finished (the caller advances its gap-aware commit point). */
  finished: (offsets: number[]) => void;
  shouldStop: () => boolean;
}

/** Where a batch stopped the partition, and why. */
export interface DispatchStop {
  verdict: Exclude<ItemVerdict, 'continue'>;
  firstOffset: number;
}

export type DispatchResult = { verdict: 'continue' } | { verdict: 'stopped' } | DispatchStop;

/** Which stop wins when several batches stop at once: the one that stops the most. */
const SEVERITY: Record<Exclude<ItemVerdict, 'continue'>, number> = {
  'retry-later': 1,
  'fail-partition': 2,
  'fail-task': 3,
};

/**
 * Runs a partition's batches concurrently, up to `maxInFlight` at once, as the scheduler
 * releases them (per-key order is the scheduler's job). The first batch that cannot continue
 * stops new dispatches; batches already in flight finish, and what they finish still counts.
 * Resolves once nothing is in flight. A batch that throws (shutdown abort) rethrows here after
 * the others settled.
 */
export async function dispatchConcurrently(
  scheduler: KeyedBatchScheduler,
  deps: ConcurrentDispatchDeps,
): Promise<DispatchResult> {
  const running = new Set<Promise<void>>();
  let stop: DispatchStop | undefined;
  let thrown: { error: unknown } | undefined;

  const launch = (item: BatchPlanItem) => {
    const work: Promise<void> = deps
      .invoke(item)
      .then(
        (verdict) => {
          if (verdict === 'continue') {
            deps.finished(offsetsOf(item));
            return;
          }
          const firstOffset = offsetsOf(item)[0];
          if (
            !stop ||
            SEVERITY[verdict] > SEVERITY[stop.verdict] ||
            (SEVERITY[verdict] === SEVERITY[stop.verdict] && firstOffset < stop.firstOffset)
          ) {
            stop = { verdict, firstOffset };
          }
        },
        (error: unknown) => {
          thrown ??= { error };
        },
      )
      .finally(() => {
        scheduler.finished(item);
        running.delete(work);
      });
    running.add(work);
  };

  for (;;) {
    while (!stop && !thrown && !deps.shouldStop() && running.size < deps.maxInFlight) {
      const item = scheduler.next();
      if (!item) break;
      launch(item);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  if (thrown) throw thrown.error;
  if (stop) return stop;
  return scheduler.pendingCount > 0 ? { verdict: 'stopped' } : { verdict: 'continue' };
}

function offsetsOf(item: BatchPlanItem): number[] {
  return item.kind === 'batch'
    ? item.batch.records.map((r) => r.offset)
    : [item.oversized.record.offset];
}
