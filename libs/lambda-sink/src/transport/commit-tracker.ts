import type { SinkMetrics } from '../metrics/sink-metrics';
import type { PartitionStatus } from '../status/sink-status';
import type { PartitionControls } from './partition-controls';

/**
 * Offset bookkeeping of one partition while a fetched batch is processed.
 *
 * Each finished record is resolved at once (kafkajs' next fetch starts after it) and committed
 * in the background: at most one commit is in flight per partition, and offsets finished
 * meanwhile are coalesced into the next one. So a commit follows every invocation closely —
 * a crash repeats little more than the batch in flight — without the partition ever waiting
 * for a commit round trip before its next invocation. `finish` waits for the last commit, so
 * a partition that returns (shutdown, rebalance, end of batch) has committed all it finished.
 */
export class CommitTracker {
  private wanted?: number;
  private inFlight?: Promise<void>;

  constructor(
    private readonly controls: PartitionControls,
    private readonly status: PartitionStatus,
    private readonly metrics: SinkMetrics,
  ) {}

  /** `offset` and everything before it are done (invoked and reported, or handled by policy). */
  done(offset: number): void {
    this.controls.resolveOffset(offset);
    this.wanted = offset + 1;
    if (this.status.highWatermark !== undefined) {
      this.metrics.consumerLag.set(
        { topic: this.status.topic, partition: String(this.status.partition) },
        Math.max(0, this.status.highWatermark - this.wanted),
      );
    }
    this.inFlight ??= this.drain();
  }

  async finish<T>(outcome: T): Promise<T> {
    while (this.inFlight) await this.inFlight;
    return outcome;
  }

  private async drain(): Promise<void> {
    try {
      while (this.wanted !== undefined && this.wanted !== this.status.committedOffset) {
        const next = this.wanted;
        // Refused (rebalance, member evicted): the next owner restarts from the last commit that
        // landed, which repeats records but never skips one. Nothing more to try from here.
        if (!(await this.controls.commit(next))) break;
        this.status.committedOffset = next;
        this.metrics.commits.inc();
      }
    } finally {
      this.inFlight = undefined;
    }
  }
}
