import type { Admin, DeleteGroupsResult, Kafka } from 'kafkajs';
import type { AdminPort, CommittedOffset, PartitionWatermarks, TopicSpec } from '../admin.port';

/** The admin port on kafkajs. */
export class KafkajsAdmin implements AdminPort {
  private readonly admin: Admin;

  constructor(kafka: Kafka) {
    this.admin = kafka.admin();
  }

  connect(): Promise<void> {
    return this.admin.connect();
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async topicPartitions(topics: string[]): Promise<Map<string, number[]>> {
    const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics });
    return new Map(metadata.map((t) => [t.name, t.partitions.map((p) => p.partitionId)]));
  }

  async brokerCount(): Promise<number> {
    return (await this.admin.describeCluster()).brokers.length;
  }

  async createTopics(topics: TopicSpec[]): Promise<void> {
    await this.admin.createTopics({ topics: [...topics], waitForLeaders: true });
  }

  async watermarks(topic: string): Promise<PartitionWatermarks[]> {
    return (await this.admin.fetchTopicOffsets(topic)).map((p) => ({
      partition: p.partition,
      low: Number(p.low),
      high: Number(p.high),
    }));
  }

  async committedOffsets(groupId: string, topics?: string[]): Promise<CommittedOffset[]> {
    if (topics?.length === 0) return [];
    const result = await this.admin.fetchOffsets(topics ? { groupId, topics } : { groupId });
    return result.flatMap(({ topic, partitions }) =>
      partitions.map(({ partition, offset }) => ({
        topic,
        partition,
        // kafkajs says "-1" for a partition the group never committed.
        offset: Number(offset) >= 0 ? Number(offset) : undefined,
      })),
    );
  }

  async setCommittedOffsets(
    groupId: string,
    topic: string,
    offsets: Array<{ partition: number; offset: number }>,
  ): Promise<void> {
    await this.admin.setOffsets({
      groupId,
      topic,
      partitions: offsets.map(({ partition, offset }) => ({ partition, offset: String(offset) })),
    });
  }

  async deleteGroup(groupId: string): Promise<void> {
    const [result] = await this.admin.deleteGroups([groupId]).catch((error: unknown) => {
      // A group that never committed does not exist: there is nothing to delete.
      const groups = (error as { groups?: DeleteGroupsResult[] }).groups;
      if (groups?.every((g) => g.error?.type === 'GROUP_ID_NOT_FOUND')) return groups;
      throw error;
    });
    if (result?.error && result.error.type !== 'GROUP_ID_NOT_FOUND') throw result.error;
  }
}
