import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import type { FetchedBatch } from '../kafka';
import type { PartitionStatus } from '../operations/status/sink-status';
import type { PartitionControls } from './partition-controls';

/**
 * `aws.lambda.batch.max.wait.ms`: a fetch smaller than a batch waits, with its partition paused
 * and nothing resolved, until the window that opened with its first record closes; the fetch
 * after that (holding whatever arrived meanwhile) is invoked as it is. True while it waits.
 */
export function waitsForMoreRecords(
  batch: FetchedBatch,
  status: PartitionStatus,
  controls: PartitionControls,
  lambda: Pick<LambdaSinkOptions['lambda'], 'batchMaxWaitMs' | 'batchSize'>,
): boolean {
  const { batchMaxWaitMs, batchSize } = lambda;
  const first = Number(batch.messages[0]?.offset);
  if (batchMaxWaitMs === 0 || batch.messages.length >= batchSize || Number.isNaN(first)) {
    status.batchWindow = undefined;
    return false;
  }
  if (status.batchWindow?.offset !== first)
    status.batchWindow = { offset: first, openedAt: Date.now() };
  const closesAt = status.batchWindow.openedAt + batchMaxWaitMs;
  if (Date.now() >= closesAt || controls.shouldStop()) {
    status.batchWindow = undefined;
    return false;
  }
  controls.retryAt(closesAt);
  return true;
}
