import { Logger } from '@nestjs/common';
import { describeError } from '../errors/messages';
import type { GroupConsumerPort } from '../kafka';

const logger = new Logger('LambdaSink consumer');

/** Commits one partition's next offset; false (logged) when the group refused it. */
export async function commitPartition(
  consumer: GroupConsumerPort,
  topic: string,
  partition: number,
  next: number,
): Promise<boolean> {
  try {
    await consumer.commit(topic, partition, next);
    return true;
  } catch (error) {
    // The group moved on (rebalance, member evicted): the new owner starts from the last
    // commit that did land, so these records may be invoked again — never skipped.
    logger.warn(`commit of ${topic}-${partition}@${next} failed: ${describeError(error)}`);
    return false;
  }
}
