import type { PartitionStatus, TaskStatus } from '../status/sink-status';

/** The states `lambda_sink_partition_state` distinguishes; docs/observability lists them too. */
export const PARTITION_STATES = ['RUNNING', 'RETRYING', 'PAUSED', 'FAILED'] as const;
export type PartitionState = (typeof PARTITION_STATES)[number];

/**
 * A partition's state for metrics: its task's FAILED wins (nothing of the task is consumed), then
 * the partition's own state; a RUNNING partition waiting to retry a transient Lambda error is
 * RETRYING, so alerts can tell an outage being ridden out from steady progress.
 */
export function partitionStateOf(task: TaskStatus, p: PartitionStatus): PartitionState {
  if (task.state === 'FAILED' || p.state === 'FAILED') return 'FAILED';
  if (task.state === 'PAUSED' || p.state === 'PAUSED') return 'PAUSED';
  if (p.retry !== undefined) return 'RETRYING';
  return 'RUNNING';
}
