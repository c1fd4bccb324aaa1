import type { Logger } from '@nestjs/common';
import type { GroupConsumerPort, TopicPartitions } from '../kafka';
import { describeError } from '../errors/messages';
import type { PartitionStatus } from '../operations/status/sink-status';

/**
 * Pause and resume on whichever consumer the task runs now. The client refuses both while
 * its consumer is between runs (after a crash, while resubscribing); the partition states the
 * task keeps are re-applied on the next GROUP_JOIN, so a refused call loses nothing.
 */
export class PauseControl {
  constructor(
    private readonly consumer: () => GroupConsumerPort,
    private readonly logger: Logger,
  ) {}

  pause(partitions: TopicPartitions[]): void {
    this.apply('pause', partitions);
  }

  resume(partitions: TopicPartitions[]): void {
    this.apply('resume', partitions);
  }

  /** Pauses every partition in `assigned`, grouped by topic as kafkajs wants them. */
  pauseAll(assigned: Iterable<PartitionStatus>): void {
    const byTopic = new Map<string, number[]>();
    for (const p of assigned) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
    const list = [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
    if (list.length > 0) this.pause(list);
  }

  private apply(action: 'pause' | 'resume', partitions: TopicPartitions[]): void {
    try {
      this.consumer()[action](partitions);
    } catch (error) {
      this.logger.debug?.(
        `${action} deferred until the consumer runs again: ${describeError(error)}`,
      );
    }
  }
}
