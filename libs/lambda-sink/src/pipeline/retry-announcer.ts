import { Logger } from '@nestjs/common';
import { describeError } from '../errors/messages';
import { withFields, type LogFields } from '../logging/log-fields';
import type { PartitionStatus } from '../operations/status/sink-status';

/**
 * While a partition retries, one warning every this often at most: enough to see an outage in
 * the logs as it goes on, not one line per attempt across every partition it hits.
 */
const WARN_EVERY_MS = 30_000;

/**
 * Keeps a partition's retry state (the status API shows it) and says in the log when the
 * partition starts retrying a Lambda batch, that it still is (at a bounded rate), and when it
 * recovered — so an outage is never invisible, and never floods the log either.
 */
export class RetryAnnouncer {
  private readonly lastWarnAt = new WeakMap<PartitionStatus, number>();

  constructor(
    private readonly logger: Logger = new Logger('LambdaSink retries'),
    private readonly now: () => number = Date.now,
  ) {}

  /** The attempts made so far on the batch starting at `firstOffset` (0 when it is new). */
  attemptsSoFar(status: PartitionStatus, firstOffset: number): number {
    return status.retry?.offset === firstOffset ? status.retry.attempts : 0;
  }

  /** Attempt `attempt` on the batch failed transiently; the next one is due in `delayMs`. */
  retrying(
    status: PartitionStatus,
    batch: { firstOffset: number; lastOffset: number },
    attempt: number,
    delayMs: number,
    error: unknown,
  ): void {
    const { firstOffset, lastOffset } = batch;
    const now = this.now();
    const ongoing = status.retry?.offset === firstOffset ? status.retry : undefined;
    const reason = describeError(error);
    status.retry = {
      offset: firstOffset,
      attempts: attempt,
      reason,
      since: ongoing?.since ?? now,
      nextAttemptAt: now + delayMs,
    };
    const last = this.lastWarnAt.get(status);
    if (ongoing && last !== undefined && now - last < WARN_EVERY_MS) return;
    this.lastWarnAt.set(status, now);
    this.logger.warn(
      withFields(
        `${where(status, firstOffset, lastOffset)}: ${ongoing ? 'still retrying' : 'retrying'} ` +
          `after attempt ${attempt} failed (${reason}); next attempt in ` +
          `${Math.round(delayMs)} ms, offsets held back, other partitions go on`,
        fieldsOf(status, firstOffset, lastOffset),
      ),
    );
  }

  /** The batch being retried got an answer (success or a function error): no longer retrying. */
  answered(status: PartitionStatus, firstOffset: number, lastOffset: number): void {
    const retry = status.retry;
    if (!retry || retry.offset !== firstOffset) return;
    this.cleared(status);
    this.logger.log(
      withFields(
        `${where(status, firstOffset, lastOffset)}: Lambda answered after ${retry.attempts + 1} ` +
          `attempts (${Math.round((this.now() - retry.since) / 1000)} s of retries)`,
        fieldsOf(status, firstOffset, lastOffset),
      ),
    );
  }

  /** The retries ran out, or the partition moved on: the outcome policy takes over from here. */
  cleared(status: PartitionStatus): void {
    status.retry = undefined;
    this.lastWarnAt.delete(status);
  }
}

function where(status: PartitionStatus, firstOffset: number, lastOffset: number): string {
  const offsets = firstOffset === lastOffset ? `${firstOffset}` : `${firstOffset}-${lastOffset}`;
  return `${status.topic}-${status.partition}@${offsets}`;
}

function fieldsOf(status: PartitionStatus, firstOffset: number, lastOffset: number): LogFields {
  const offsets = firstOffset === lastOffset ? `${firstOffset}` : `${firstOffset}-${lastOffset}`;
  return { topic: status.topic, partition: status.partition, offsets };
}
