export interface TopicSpec {
  topic: string;
  numPartitions: number;
  replicationFactor: number;
}

export interface PartitionWatermarks {
  partition: number;
  /** The log's first offset and the next offset to be written. */
  low: number;
  high: number;
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** The group's committed next offset; undefined when it never committed one. */
  offset?: number;
}

/** The cluster-level operations the sink needs. */
export interface AdminPort {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  listTopics(): Promise<string[]>;
  /** The partitions of each topic; rejects if one does not exist. */
  topicPartitions(topics: string[]): Promise<Map<string, number[]>>;
  brokerCount(): Promise<number>;
  /** Creates the topics and waits for their leaders; rejects if any could not be created. */
  createTopics(topics: TopicSpec[]): Promise<void>;
  watermarks(topic: string): Promise<PartitionWatermarks[]>;
  /** The group's committed offsets of `topics`, or of every topic it committed on. */
  committedOffsets(groupId: string, topics?: string[]): Promise<CommittedOffset[]>;
  /** Sets the group's committed offsets; Kafka refuses it while the group has members. */
  setCommittedOffsets(
    groupId: string,
    topic: string,
    offsets: Array<{ partition: number; offset: number }>,
  ): Promise<void>;
  /** Deletes the group with its offsets; a group that does not exist is not an error. */
  deleteGroup(groupId: string): Promise<void>;
}
