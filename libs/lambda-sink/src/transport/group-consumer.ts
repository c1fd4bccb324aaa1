import { Logger } from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { describeError } from '../errors/messages';

export interface SinkTaskTuning {
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxBytesPerPartition: number;
  maxBytes: number;
  /** `metadata.max.age.ms`: how soon the consumer notices partitions added to its topics. */
  metadataMaxAgeMs: number;
  partitionsConsumedConcurrently: number;
}

/** Heartbeat answers that mean this member must rejoin (kafkajs' own `isRebalancing`, and eviction). */
export const REBALANCE_ERRORS = new Set([
  'REBALANCE_IN_PROGRESS',
  'NOT_COORDINATOR_FOR_GROUP',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
]);

/** A kafkajs consumer of the sink's group, tuned from the `consumer.override.*` options. */
export function createGroupConsumer(
  kafka: Kafka,
  groupId: string,
  tuning: SinkTaskTuning,
): Consumer {
  return kafka.consumer({
    groupId,
    sessionTimeout: tuning.sessionTimeoutMs,
    rebalanceTimeout: tuning.rebalanceTimeoutMs,
    heartbeatInterval: tuning.heartbeatIntervalMs,
    maxBytesPerPartition: tuning.maxBytesPerPartition,
    maxBytes: tuning.maxBytes,
    metadataMaxAge: tuning.metadataMaxAgeMs,
    // A shutdown waits for the fetch in progress; a short long-poll keeps that wait short.
    maxWaitTimeInMs: 1000,
    allowAutoTopicCreation: false,
  });
}

const logger = new Logger('LambdaSink consumer');

/** Commits one partition's next offset; false (logged) when the group refused it. */
export async function commitPartition(
  consumer: Consumer,
  topic: string,
  partition: number,
  next: number,
): Promise<boolean> {
  try {
    await consumer.commitOffsets([{ topic, partition, offset: String(next) }]);
    return true;
  } catch (error) {
    // The group moved on (rebalance, member evicted): the new owner starts from the last
    // commit that did land, so these records may be invoked again — never skipped.
    logger.warn(`commit of ${topic}-${partition}@${next} failed: ${describeError(error)}`);
    return false;
  }
}
