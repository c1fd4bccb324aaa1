import { Logger } from '@nestjs/common';
import type { GroupConsumerPort } from '../kafka';
import type { AutoOffsetReset } from '../config/lambda-sink-options';
import { describeError } from '../errors/messages';
import type { SinkMetrics } from '../operations/metrics/sink-metrics';
import {
  lagOf,
  partitionKey,
  partitionStatusOf,
  type TaskStatus,
} from '../operations/status/sink-status';
import type { Assignment, AssignmentPositions, PartitionPositions } from './assignment-positions';

/** How often lag is read from the cluster between fetches (a partition waiting fetches nothing). */
const REFRESH_EVERY_MS = 10_000;

/**
 * Keeps a task's view of its partitions' positions true, whatever kafkajs fetches:
 *
 * - at assignment, each partition's committed offset and watermarks go into the status and the
 *   lag gauge, so an idle or new partition is listed with real numbers at once;
 * - every REFRESH_EVERY_MS the watermarks are read again, so lag grows while a partition is
 *   paused, failed or retrying instead of showing the last fetch's stale value;
 * - with `auto.offset.reset=latest`, only partitions that existed when the sink started begin at
 *   their end: a partition added later, with no committed offset, is read from its beginning —
 *   everything in it was written while the sink ran, and "latest" would skip whatever arrived
 *   before the group noticed it (up to metadata.max.age.ms later).
 *
 * The consumer itself always resets to the earliest offset (see SinkTask), and this monitor
 * seeks a partition that existed at start to its end. That way round, a seek that comes late or
 * not at all repeats records instead of losing them; and the task holds every batch until the
 * assignment's seeks are issued, so a batch fetched from the beginning before its seek is
 * outdated by it and never invoked. (Seeking new partitions back to the beginning instead was
 * seen to lose them when the seek lost a race with the client's own reset to latest.)
 */
export class PartitionPositionsMonitor {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  /** `topic-partition` keys that existed when the task started (only with `latest`). */
  private existingAtStart?: Set<string>;
  /** The task's previous assignment, to tell the metrics which partitions moved away. */
  private owned: Array<{ topic: string; partition: number }> = [];

  constructor(
    private readonly positions: AssignmentPositions,
    private readonly status: TaskStatus,
    private readonly metrics: SinkMetrics,
    private readonly autoOffsetReset: AutoOffsetReset,
    logger: Logger,
  ) {
    this.logger = logger;
    metrics.watchTask(status);
  }

  /** Notes the partitions that exist now; call before the consumer first subscribes. */
  async start(topics: (string | RegExp)[]): Promise<void> {
    if (this.autoOffsetReset === 'latest') {
      this.existingAtStart = await this.positions.existing(await this.resolve(topics));
    }
    this.timer = setInterval(() => void this.refresh(), REFRESH_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.positions.close();
  }

  /**
   * Reads the positions of a new assignment into the status and, with `latest`, seeks the
   * uncommitted partitions that existed at start to their end. Never throws: without the numbers
   * the sink still works (from the earliest offset at worst), so a failure is a warning.
   */
  async assigned(assignment: Assignment, consumer: GroupConsumerPort): Promise<void> {
    const now = Object.entries(assignment).flatMap(([topic, partitions]) =>
      partitions.map((partition) => ({ topic, partition })),
    );
    const kept = new Set(now.map((p) => partitionKey(p.topic, p.partition)));
    this.metrics.partitionsRevoked(
      this.owned.filter((p) => !kept.has(partitionKey(p.topic, p.partition))),
    );
    this.owned = now;
    try {
      for (const position of await this.positions.read(assignment)) {
        this.apply(position);
        if (position.committed !== undefined || !this.existingAtStart) continue;
        const key = partitionKey(position.topic, position.partition);
        if (this.existingAtStart.has(key)) {
          consumer.seek(position.topic, position.partition, String(position.high));
        } else {
          this.logger.log(
            `${key} is new since the sink started and has no committed offset: reading it ` +
              `from its beginning (offset ${position.low}), not latest`,
          );
        }
      }
    } catch (error) {
      this.logger.warn(`could not read the assigned partitions' offsets: ${describeError(error)}`);
    }
  }

  private async refresh(): Promise<void> {
    const assignment: Assignment = {};
    for (const p of this.status.partitions.values()) {
      (assignment[p.topic] ??= []).push(p.partition);
    }
    try {
      for (const position of await this.positions.read(assignment)) this.apply(position);
    } catch (error) {
      this.logger.debug?.(`lag refresh failed: ${describeError(error)}`);
    }
  }

  private apply(position: PartitionPositions): void {
    const key = partitionKey(position.topic, position.partition);
    // Only partitions still assigned: a refresh may finish after a rebalance took one away.
    if (!this.status.partitions.has(key)) return;
    const p = partitionStatusOf(this.status, position.topic, position.partition);
    // The sink's own commits are newer than what it read a moment ago; never go back.
    if (position.committed !== undefined)
      p.committedOffset = Math.max(p.committedOffset ?? 0, position.committed);
    p.highWatermark = Math.max(p.highWatermark ?? 0, position.high);
    p.logStartOffset = position.low;
    this.metrics.consumerLag.set({ topic: p.topic, partition: String(p.partition) }, lagOf(p) ?? 0);
  }

  private async resolve(topics: (string | RegExp)[]): Promise<string[]> {
    const names = topics.filter((t): t is string => typeof t === 'string');
    const patterns = topics.filter((t): t is RegExp => t instanceof RegExp);
    if (patterns.length === 0) return names;
    const all = await this.positions.topicNames();
    return [...names, ...all.filter((t) => patterns.some((p) => p.test(t)))];
  }
}
