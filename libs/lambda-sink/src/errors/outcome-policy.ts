import type { ErrorHandlingOptions, ErrorsTolerance } from '../config/lambda-sink-options';

/**
 * What the sink does with each kind of failure (STYLE: one policy, one place).
 *
 * - `fail-partition`: stop that topic-partition (paused, not committed past the last success);
 *   the others go on. A restart or a resume retries it.
 * - `fail-task`: stop consuming altogether (status FAILED, readiness DOWN), nothing committed
 *   for the failed batch. Used where retrying cannot help and continuing would skip data.
 * - `report`: log, write one error record per input record, continue and commit.
 * - `skip`: continue and commit; only a metric records it.
 * - `dead-letter`: conversion failure tolerated: log if asked, write to the DLQ if configured.
 */
export type FailureAction = 'fail-partition' | 'fail-task' | 'report' | 'skip' | 'dead-letter';

/** Failures of a Lambda batch: the function failed, the data is too large, or retries ran out. */
export type RecordFailureKind = 'function' | 'data' | 'transient-exhausted';

/**
 * Function and data errors follow behavior.on.error. A batch whose transient retries ran out
 * (Lambda throttled or down for minutes) stops its partition unless
 * `behavior.on.retries.exhausted=behavior.on.error`: an outage is not a property of the records,
 * and `ignore` or `log` would drop records that a later retry could deliver.
 */
export function actionForRecordFailure(
  kind: RecordFailureKind,
  errors: Pick<ErrorHandlingOptions, 'behaviorOnError' | 'retriesExhausted'>,
): FailureAction {
  if (kind === 'transient-exhausted' && errors.retriesExhausted === 'fail') return 'fail-partition';
  switch (errors.behaviorOnError) {
    case 'fail':
      return 'fail-partition';
    case 'log':
      return 'report';
    case 'ignore':
      return 'skip';
  }
}

export function actionForConfigurationError(): FailureAction {
  return 'fail-task';
}

/**
 * A result, error or DLQ record the reporter's cluster refuses for good: that partition stops
 * where it is (its offset must not pass a record whose report is missing) until someone fixes
 * the topic and resumes it. Transient reporter failures are not failures at all: they are
 * retried for as long as it takes, holding the offset back.
 */
export function actionForReporterRejection(): FailureAction {
  return 'fail-partition';
}

export function actionForConversionError(tolerance: ErrorsTolerance): FailureAction {
  return tolerance === 'all' ? 'dead-letter' : 'fail-task';
}
