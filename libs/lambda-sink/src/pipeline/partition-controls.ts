/**
 * What a partition processor may do to the consumer for the partition it is working on.
 * The task implements it on top of kafkajs' eachBatch payload; tests implement it in memory.
 */
export interface PartitionControls {
  /** `topic-partition`, for log lines. */
  readonly partitionName: string;
  /** Marks everything up to and including `offset` as processed (the next fetch starts after it). */
  resolveOffset(offset: number): void;
  /** Commits `nextOffset` (last processed + 1) to the consumer group; false if the group refused it. */
  commit(nextOffset: number): Promise<boolean>;
  /** Stops fetching this partition until resumed (behavior.on.error=fail). */
  pause(): void;
  /**
   * Pauses this partition until `atMs` (epoch ms), then fetches it again from its first
   * unresolved offset: how a transient failure waits out its backoff without holding back the
   * other partitions, which kafkajs fetches only once every handler of the last fetch returned.
   */
  retryAt(atMs: number): void;
  /** True when work must stop early: shutdown, rebalance, or the partition was revoked. */
  shouldStop(): boolean;
  /** Aborted when the sink gives up waiting for in-flight work (shutdown timeout). */
  signal: AbortSignal;
}
