import type { ReadinessFailedPartitions } from '../../config/lambda-sink-options';
import type { SinkStatus } from '../status/sink-status';

export interface Readiness {
  ready: boolean;
  /** Why it is not ready, one line per cause; empty when ready. */
  reasons: string[];
}

/**
 * When the sink is ready (docs/observability/README.md#readiness says the same for operators):
 *
 * - DOWN while it is not running (starting, or stopping) or a task has not joined its group;
 * - DOWN while a task is FAILED: a configuration error (function not found, access denied, bad
 *   credentials) or an intolerable conversion error — nothing is consumed until a restart;
 * - DOWN while a partition is FAILED, unless `readiness.failed.partitions=up`.
 *
 * A transient Lambda error (throttling, 5xx, timeout) never counts while retries remain: the
 * partition is RUNNING with a retry under way, and a replica taken out of service for that would
 * only be restarted into the same outage. Once retries run out the partition is FAILED (or its
 * batch handled by behavior.on.error), and the rules above apply.
 */
export function sinkReadiness(
  status: SinkStatus,
  running: boolean,
  failedPartitions: ReadinessFailedPartitions,
): Readiness {
  const reasons: string[] = [];
  if (!running) reasons.push('the sink is not running');
  if (status.tasks.length === 0 || status.tasks.some((t) => !t.joinedGroup))
    reasons.push('not every task has joined the consumer group');
  for (const task of status.failedTasks()) reasons.push(`task ${task.id} is FAILED`);
  if (failedPartitions === 'down') {
    for (const p of status.failedPartitions())
      reasons.push(`partition ${p.topic}-${p.partition} is FAILED`);
  }
  return { ready: reasons.length === 0, reasons };
}
