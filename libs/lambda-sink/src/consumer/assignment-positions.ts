import type { AdminPort, KafkaClientPort } from '../kafka';

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
 * Reads what the consumer does not tell a member about the partitions it was given: the group's
 * committed offsets and the logs' watermarks. The status API shows them from the moment of
 * assignment (an idle partition fetches nothing, so no batch would ever bring them), the lag
 * gauge follows the real high watermark, and the task decides where a new partition starts.
 * One admin client, connected lazily and kept for the task's life.
 */
export class AssignmentPositions {
  private admin?: Promise<AdminPort>;

  constructor(
    private readonly kafka: KafkaClientPort,
    private readonly groupId: string,
  ) {}

  async read(assignment: Assignment): Promise<PartitionPositions[]> {
    const topics = Object.keys(assignment).filter((t) => assignment[t].length > 0);
    if (topics.length === 0) return [];
    const admin = await this.connected();
    const committed = new Map<string, number>();
    for (const { topic, partition, offset } of await admin.committedOffsets(this.groupId, topics)) {
      if (offset !== undefined) committed.set(`${topic}-${partition}`, offset);
    }
    const positions: PartitionPositions[] = [];
    for (const topic of topics) {
      const wanted = new Set(assignment[topic]);
      for (const { partition, low, high } of await admin.watermarks(topic)) {
        if (!wanted.has(partition)) continue;
        positions.push({
          topic,
          partition,
          committed: committed.get(`${topic}-${partition}`),
          low,
          high,
        });
      }
    }
    return positions;
  }

  /** The partitions of `topics` that exist now, as `topic-partition` keys. */
  async existing(topics: string[]): Promise<Set<string>> {
    if (topics.length === 0) return new Set();
    const admin = await this.connected();
    const partitions = await admin.topicPartitions(topics);
    return new Set([...partitions].flatMap(([topic, ids]) => ids.map((id) => `${topic}-${id}`)));
  }

  async topicNames(): Promise<string[]> {
    return (await this.connected()).listTopics();
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await (await admin.catch(() => undefined))?.disconnect().catch(() => undefined);
  }

  private connected(): Promise<AdminPort> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      // A failed connect is not kept: the next call tries again.
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}
