import type { Admin, Kafka } from 'kafkajs';

/** One assigned partition's positions, read from the cluster. */
export interface PartitionPositions {
  topic: string;
  partition: number;
  /** The group's committed next offset; undefined when the group never committed one. */
  committed?: number;
  /** The log's first and next offsets (low and high watermarks). */
  low: number;
  high: number;
}

export type Assignment = Record<string, number[]>;

/**
 * Reads what kafkajs does not tell a member about the partitions it was given: the group's
 * committed offsets and the logs' watermarks. The status API shows them from the moment of
 * assignment (an idle partition fetches nothing, so no batch would ever bring them), the lag
 * gauge follows the real high watermark, and the task decides where a new partition starts.
 * One admin client, connected lazily and kept for the task's life.
 */
export class AssignmentPositions {
  private admin?: Promise<Admin>;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
  ) {}

  async read(assignment: Assignment): Promise<PartitionPositions[]> {
    const topics = Object.keys(assignment).filter((t) => assignment[t].length > 0);
    if (topics.length === 0) return [];
    const admin = await this.connected();
    const committed = new Map<string, number>();
    for (const { topic, partitions } of await admin.fetchOffsets({
      groupId: this.groupId,
      topics,
    })) {
      for (const { partition, offset } of partitions) {
        if (Number(offset) >= 0) committed.set(`${topic}-${partition}`, Number(offset));
      }
    }
    const positions: PartitionPositions[] = [];
    for (const topic of topics) {
      const wanted = new Set(assignment[topic]);
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (!wanted.has(p.partition)) continue;
        positions.push({
          topic,
          partition: p.partition,
          committed: committed.get(`${topic}-${p.partition}`),
          low: Number(p.low),
          high: Number(p.high),
        });
      }
    }
    return positions;
  }

  /** The partitions of `topics` that exist now, as `topic-partition` keys. */
  async existing(topics: string[]): Promise<Set<string>> {
    if (topics.length === 0) return new Set();
    const admin = await this.connected();
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    return new Set(metadata.flatMap((t) => t.partitions.map((p) => `${t.name}-${p.partitionId}`)));
  }

  async topicNames(): Promise<string[]> {
    return (await this.connected()).listTopics();
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await (await admin.catch(() => undefined))?.disconnect().catch(() => undefined);
  }

  private connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      // A failed connect is not kept: the next call tries again.
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}
