/**
 * The group consumer port: one member of a consumer group, consuming fetched batches per
 * topic-partition with offsets resolved and committed by the caller only (no auto-commit).
 */

/** A header value as read: repeated headers arrive as arrays; Kafka allows null values. */
export type HeaderValue = Buffer | string | null | (Buffer | string | null)[] | undefined;

export interface ConsumedMessage {
  /** int64 offsets as decimal strings. */
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: Record<string, HeaderValue>;
  /** ms since epoch, as a decimal string. */
  timestamp: string;
}

/** Records of one topic-partition from one fetch, in offset order. */
export interface FetchedBatch {
  topic: string;
  partition: number;
  /** The log's high watermark as the fetch saw it (decimal string). */
  highWatermark: string;
  messages: ConsumedMessage[];
}

/** What the batch handler may do while it works on one fetched batch. */
export interface BatchSession {
  /**
   * Tells the group this member is alive (long Lambda calls). Resolves false when the group is
   * rebalancing or this member must rejoin: finish the work in hand and return.
   */
  heartbeat(): Promise<boolean>;
  /** Marks `offset` processed: the partition's next fetch starts after it (not a commit). */
  resolveOffset(offset: string): void;
  /** False once the consumer stopped or this batch is outdated (partition revoked or sought). */
  isCurrent(): boolean;
}

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface GroupConsumerOptions {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxBytesPerPartition: number;
  maxBytes: number;
  /** How soon the member notices partitions added to its topics. */
  metadataMaxAgeMs: number;
  /** How many partitions' batches may be handled at once. */
  partitionsConsumedConcurrently: number;
}

/** Notifications from the member; all optional, all synchronous. */
export interface GroupConsumerEvents {
  /** This member (re)joined the group with this assignment (topic → partitions). */
  onGroupJoin?(assignment: Record<string, number[]>): void;
  /** The group started rebalancing: batches in hand should finish and return. */
  onRebalancing?(): void;
  /** A fetch round finished (also when it returned nothing): the member is alive. */
  onFetch?(): void;
  /** The member stopped on an error; `willRestart` when the client restarts it by itself. */
  onCrash?(error: Error, willRestart: boolean): void;
}

export interface GroupConsumerPort {
  connect(): Promise<void>;
  /** Topics by name or pattern; `fromBeginning` for partitions with no committed offset. */
  subscribe(topics: (string | RegExp)[], fromBeginning: boolean): Promise<void>;
  /**
   * Starts consuming. The handler gets one partition's batch at a time; a partition's next batch
   * is fetched only after its handler returned. The handler must not throw.
   */
  run(onBatch: (batch: FetchedBatch, session: BatchSession) => Promise<void>): Promise<void>;
  /** Stops / restarts fetching these partitions. Throws while the member is not running. */
  pause(partitions: TopicPartitions[]): void;
  resume(partitions: TopicPartitions[]): void;
  /** The partition's next fetch starts at `offset` (nothing is committed). */
  seek(topic: string, partition: number, offset: string): void;
  /** Commits `nextOffset` (last processed + 1) for the partition; rejects if the group refuses. */
  commit(topic: string, partition: number, nextOffset: number): Promise<void>;
  /** Leaves the group; waits for batch handlers in progress. */
  disconnect(): Promise<void>;
}
