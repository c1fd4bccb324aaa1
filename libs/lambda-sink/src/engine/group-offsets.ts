import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import type { AdminPort, KafkaClientPort } from '../kafka';

/** A consumer group's committed offset of one partition: the next offset the sink reads. */
export interface GroupOffset {
  topic: string;
  partition: number;
  offset: number;
}

/** An offset to set, or null to reset the partition to `auto.offset.reset`'s start. */
export interface GroupOffsetChange {
  topic: string;
  partition: number;
  offset: number | null;
}

/** The sink's consumer group's committed offsets, read and changed through the admin port. */
export class GroupOffsets {
  constructor(
    private readonly kafka: KafkaClientPort,
    private readonly options: Pick<LambdaSinkOptions, 'groupId' | 'autoOffsetReset'>,
  ) {}

  /**
   * The group's committed offsets (next offset to read) on every topic it has committed on:
   * what a sink connector's KIP-875 `GET /offsets` shows.
   */
  committed(): Promise<GroupOffset[]> {
    return this.withAdmin(async (admin) =>
      (await admin.committedOffsets(this.options.groupId)).flatMap(
        ({ topic, partition, offset }) =>
          offset === undefined ? [] : [{ topic, partition, offset }],
      ),
    );
  }

  /**
   * Sets the group's offsets (KIP-875 `PATCH /offsets`); a null offset resets the partition to
   * where `consumer.override.auto.offset.reset` starts a group without one. Kafka refuses it
   * while the group has members, so it is only called with the sink stopped.
   */
  alter(changes: GroupOffsetChange[]): Promise<void> {
    return this.withAdmin(async (admin) => {
      for (const topic of new Set(changes.map((c) => c.topic))) {
        const ofTopic = changes.filter((c) => c.topic === topic);
        const ends = ofTopic.some((c) => c.offset === null) ? await admin.watermarks(topic) : [];
        const partitions = ofTopic.map(({ partition, offset }) => {
          const end = ends.find((e) => e.partition === partition);
          const reset = this.options.autoOffsetReset === 'earliest' ? end?.low : end?.high;
          return { partition, offset: offset ?? reset ?? 0 };
        });
        await admin.setCommittedOffsets(this.options.groupId, topic, partitions);
      }
    });
  }

  /** Deletes the group and with it every committed offset (KIP-875 `DELETE /offsets`). */
  delete(): Promise<void> {
    return this.withAdmin((admin) => admin.deleteGroup(this.options.groupId));
  }

  private async withAdmin<T>(work: (admin: AdminPort) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}
