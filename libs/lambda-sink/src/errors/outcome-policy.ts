import type {
  BehaviorOnError,
  ErrorsTolerance,
  RetriesExhaustedBehavior,
} from '../config/lambda-sink-options';

/**
 * Every way a record can fail on its way through the sink.
 * - `function`: the function ran and failed (X-Amz-Function-Error);
 * - `data`: the payload is over Lambda's limit (one record alone, or Lambda refused the size);
 * - `transient-exhausted`: throttling, 5xx, timeouts or network errors outlived the retries;
 * - `configuration`: the function cannot be invoked at all (missing, denied, bad credentials);
 * - `conversion`: a converter could not read the record's key or value;
 * - `reporter-rejected`: the cluster refuses a result, error or DLQ record for good;
 * - `expired`: the record was older than `aws.lambda.max.record.age.ms` when it was about to be
 *   invoked, and was not.
 */
export type FailureKind =
  | 'function'
  | 'data'
  | 'transient-exhausted'
  | 'configuration'
  | 'conversion'
  | 'reporter-rejected'
  | 'expired';

/** The settings the policy reads. */
export interface PolicySettings {
  behaviorOnError: BehaviorOnError;
  retriesExhausted: RetriesExhaustedBehavior;
  errorsTolerance: ErrorsTolerance;
  errorsLogEnable: boolean;
  /** Whether an error topic / a dead letter queue is configured. */
  errorTopic: boolean;
  deadLetterQueue: boolean;
}

/**
 * What happens after a failure, completely: the caller carries it out and decides nothing.
 * - `then`: `continue` (the records count as handled: commit past them once any write below is
 *   acknowledged), `stop-partition` (paused at the first failed record; others go on; a resume
 *   or restart retries it) or `stop-task` (nothing more is consumed; readiness DOWN);
 * - `write`: one error-topic record per failed record, the record to the DLQ, or nothing;
 * - `log`: the level of the log line that names the failure, or none (a stop logs on its own);
 * - `countAs`: the `action` label of `lambda_sink_record_errors_total`.
 */
export interface Decision {
  then: 'continue' | 'stop-partition' | 'stop-task';
  write: 'none' | 'error-topic' | 'dlq';
  log: 'none' | 'warn' | 'error';
  countAs: 'fail-partition' | 'fail-task' | 'report' | 'skip' | 'dead-letter';
}

const STOP_PARTITION: Decision = {
  then: 'stop-partition',
  write: 'none',
  log: 'none',
  countAs: 'fail-partition',
};
const STOP_TASK: Decision = { then: 'stop-task', write: 'none', log: 'none', countAs: 'fail-task' };

/**
 * The one outcome policy (STYLE: one policy, one place). Function and data errors follow
 * behavior.on.error. A batch whose transient retries ran out stops its partition unless
 * `behavior.on.retries.exhausted=behavior.on.error`: an outage is not a property of the records,
 * and `ignore` or `log` would drop records a later attempt could deliver — and when opted in,
 * it is never silent. A configuration error stops the task: no record can get through. A
 * conversion error follows errors.tolerance (DLQ when configured). A reporter record refused
 * for good stops the partition: going on would lose a result or error record. An expired record
 * follows behavior.on.error like a failed one (AWS's trigger sends it to its on-failure
 * destination); with `fail` its partition stops, which makes the age an alarm on lag.
 */
export function decide(kind: FailureKind, settings: PolicySettings): Decision {
  switch (kind) {
    case 'configuration':
      return STOP_TASK;
    case 'reporter-rejected':
      return STOP_PARTITION;
    case 'conversion':
      if (settings.errorsTolerance === 'none') return STOP_TASK;
      return {
        then: 'continue',
        write: settings.deadLetterQueue ? 'dlq' : 'none',
        log: settings.errorsLogEnable ? 'error' : 'none',
        countAs: 'dead-letter',
      };
    case 'transient-exhausted':
      if (settings.retriesExhausted === 'fail') return STOP_PARTITION;
      return { ...byBehaviorOnError(settings), log: 'warn' };
    case 'function':
    case 'data':
    case 'expired':
      return byBehaviorOnError(settings);
  }
}

function byBehaviorOnError(settings: PolicySettings): Decision {
  switch (settings.behaviorOnError) {
    case 'fail':
      return STOP_PARTITION;
    case 'log':
      return {
        then: 'continue',
        write: settings.errorTopic ? 'error-topic' : 'none',
        log: 'error',
        countAs: 'report',
      };
    case 'ignore':
      return { then: 'continue', write: 'none', log: 'none', countAs: 'skip' };
  }
}
