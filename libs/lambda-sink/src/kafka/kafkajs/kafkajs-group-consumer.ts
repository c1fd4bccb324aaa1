import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type {
  BatchSession,
  FetchedBatch,
  GroupConsumerEvents,
  GroupConsumerOptions,
  GroupConsumerPort,
  TopicPartitions,
} from '../group-consumer.port';
import { repairInheritedHeaderNames } from './kafkajs-headers';

/** Heartbeat answers that mean this member must rejoin (kafkajs' own `isRebalancing`, and eviction). */
const REBALANCE_ERRORS = new Set([
  'REBALANCE_IN_PROGRESS',
  'NOT_COORDINATOR_FOR_GROUP',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
]);

/**
 * The group consumer port on kafkajs' `eachBatch`, with auto-resolve and auto-commit off: an
 * offset moves only when the caller resolves it, and is committed only when the caller commits.
 *
 * What kafkajs imposes, and the port's callers should know: it fetches again only after the
 * handlers of every partition in the last fetch returned (so a handler must not wait long), and
 * it has no revoke hook (a batch learns it is outdated through `isCurrent()`).
 */
export class KafkajsGroupConsumer implements GroupConsumerPort {
  private readonly consumer: Consumer;
  private disconnecting = false;

  constructor(
    kafka: Kafka,
    private readonly options: GroupConsumerOptions,
    events: GroupConsumerEvents,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs,
      rebalanceTimeout: options.rebalanceTimeoutMs,
      heartbeatInterval: options.heartbeatIntervalMs,
      maxBytesPerPartition: options.maxBytesPerPartition,
      maxBytes: options.maxBytes,
      metadataMaxAge: options.metadataMaxAgeMs,
      // A shutdown waits for the fetch in progress; a short long-poll keeps that wait short.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
      // kafkajs restarts a crashed consumer on its own, and does so even while a disconnect is
      // under way (seen with a deleted topic: a start/stop loop every few hundred ms, and a
      // disconnect that never returns). Once the caller asked to leave, it stays down.
      retry: { retries: 5, restartOnFailure: async () => !this.disconnecting },
    });
    const { GROUP_JOIN, REBALANCING, FETCH, CRASH } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, (e) => events.onGroupJoin?.(e.payload.memberAssignment));
    this.consumer.on(REBALANCING, () => events.onRebalancing?.());
    this.consumer.on(FETCH, () => events.onFetch?.());
    this.consumer.on(CRASH, (e) => events.onCrash?.(e.payload.error, e.payload.restart));
  }

  connect(): Promise<void> {
    return this.consumer.connect();
  }

  subscribe(topics: (string | RegExp)[], fromBeginning: boolean): Promise<void> {
    return this.consumer.subscribe({ topics, fromBeginning });
  }

  run(onBatch: (batch: FetchedBatch, session: BatchSession) => Promise<void>): Promise<void> {
    return this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) =>
        onBatch(repairInheritedHeaderNames(payload.batch), sessionOf(payload)),
    });
  }

  pause(partitions: TopicPartitions[]): void {
    this.consumer.pause(partitions);
  }

  resume(partitions: TopicPartitions[]): void {
    this.consumer.resume(partitions);
  }

  seek(topic: string, partition: number, offset: string): void {
    this.consumer.seek({ topic, partition, offset });
  }

  async commit(topic: string, partition: number, nextOffset: number): Promise<void> {
    // Explicit offsets: commitOffsetsIfNecessary() commits nothing with auto-commit off.
    await this.consumer.commitOffsets([{ topic, partition, offset: String(nextOffset) }]);
  }

  disconnect(): Promise<void> {
    this.disconnecting = true;
    return this.consumer.disconnect();
  }
}

function sessionOf(payload: EachBatchPayload): BatchSession {
  return {
    heartbeat: () =>
      payload.heartbeat().then(
        () => true,
        (error: { type?: string }) => !REBALANCE_ERRORS.has(error.type ?? ''),
      ),
    resolveOffset: (offset) => payload.resolveOffset(offset),
    isCurrent: () => payload.isRunning() && !payload.isStale(),
  };
}
