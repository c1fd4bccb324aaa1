import type { FunctionRouter } from '../../invocation/function-router';
import { lagOf, type SinkStatus } from './sink-status';

/**
 * Kafka Connect's REST shapes (`GET /connectors/{name}/status`), so the curl commands and
 * dashboards of a Connect user keep working. `partitions` on each task is this project's
 * extension: per-partition state, committed offset, lag, the error that stopped it and, given the
 * sink's `functions`, the Lambda function the partition's topic invokes; so is `invocations`: the
 * calls in flight and the process-wide limit (null = none) they are held to.
 */
export function connectorStatusBody(
  name: string,
  status: SinkStatus,
  workerId: string,
  functions?: FunctionRouter,
) {
  return {
    name,
    connector: {
      state: status.connectorState,
      worker_id: workerId,
      ...(status.connectorTrace ? { trace: status.connectorTrace } : {}),
    },
    tasks: status.tasks.map((t) => ({
      id: t.id,
      state: status.pausedByUser && t.state === 'RUNNING' ? 'PAUSED' : t.state,
      worker_id: workerId,
      ...(t.trace ? { trace: t.trace } : {}),
      partitions: [...t.partitions.values()].map((p) => ({
        topic: p.topic,
        partition: p.partition,
        ...(functions?.functionOf(p.topic) !== undefined && {
          function: functions.functionOf(p.topic),
        }),
        state: p.state,
        committed_offset: p.committedOffset ?? null,
        high_watermark: p.highWatermark ?? null,
        lag: lagOf(p) ?? null,
        ...(p.failedAtOffset !== undefined ? { failed_at_offset: p.failedAtOffset } : {}),
        ...(p.trace ? { trace: p.trace } : {}),
        ...(p.retry
          ? {
              retrying: {
                offset: p.retry.offset,
                attempts: p.retry.attempts,
                since: new Date(p.retry.since).toISOString(),
                next_attempt_at: new Date(p.retry.nextAttemptAt).toISOString(),
                reason: p.retry.reason,
              },
            }
          : {}),
      })),
    })),
    type: 'sink',
    ...(status.concurrency
      ? {
          invocations: {
            in_flight: status.concurrency.inFlight,
            in_flight_limit: Number.isFinite(status.concurrency.limit)
              ? status.concurrency.limit
              : null,
            adaptive: status.concurrency.policy.adaptive,
          },
        }
      : {}),
  };
}
