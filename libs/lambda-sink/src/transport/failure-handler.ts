import { Logger } from '@nestjs/common';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import type { ConversionError } from '../conversion/conversion-error';
import type { KafkaRecord } from '../conversion/kafka-record';
import { LambdaFunctionError, ReporterRejectedError } from '../errors/lambda-errors';
import { describeError } from '../errors/messages';
import {
  actionForConfigurationError,
  actionForConversionError,
  actionForRecordFailure,
  actionForReporterRejection,
  type RecordFailureKind,
} from '../errors/outcome-policy';
import type { SinkMetrics } from '../metrics/sink-metrics';
import { buildConversionErrorRecord, buildErrorRecord } from '../reporting/error-record';
import type { PartitionStatus } from '../status/sink-status';
import type { PartitionControls } from './partition-controls';
import type { ReporterRetrier } from './reporter-retrier';

/** `continue`: the records count as handled (commit past them); otherwise stop. */
export type FailureVerdict = 'continue' | 'fail-partition' | 'fail-task';

/**
 * Carries out the outcome policy for failed records: logs, error-topic and DLQ records,
 * metrics, and the status trace that the API and readiness show.
 */
export class FailureHandler {
  private readonly logger = new Logger('LambdaSink failures');

  constructor(
    private readonly options: LambdaSinkOptions,
    private readonly reporter: ReporterRetrier,
    private readonly metrics: SinkMetrics,
    private readonly status: PartitionStatus,
    private readonly onTaskFailure: (error: Error) => void,
  ) {}

  async handle(
    records: KafkaRecord[],
    error: Error,
    kind: RecordFailureKind,
    controls: PartitionControls,
  ): Promise<FailureVerdict> {
    const action = actionForRecordFailure(kind, this.options.errors);
    const errorLabel = (error as { code?: string }).code ?? kind;
    this.metrics.recordErrors.inc({ error: errorLabel, action }, records.length);
    if (kind === 'transient-exhausted' && action !== 'fail-partition') {
      // Opted in with behavior.on.retries.exhausted: still never silent, whatever the action.
      this.logger.warn(
        `${describeError(error)}; ${action === 'skip' ? 'skipping' : 'logging'} ` +
          `${coordinates(records)} (behavior.on.error=${this.options.errors.behaviorOnError})`,
      );
    }
    switch (action) {
      case 'fail-partition':
        this.status.trace = describeError(error);
        return 'fail-partition';
      case 'report':
        this.logger.error(
          `${describeError(error)} (${records.length} record(s); ` +
            `${this.options.reporter.errorTopic ? 'writing them to the error topic' : 'no error topic'})`,
        );
        return this.reported(() => this.writeErrorRecords(records, error, controls));
      default:
        return 'continue';
    }
  }

  configuration(error: Error, _controls: PartitionControls): FailureVerdict {
    actionForConfigurationError();
    this.metrics.recordErrors.inc({ error: 'LAMBDA_CONFIGURATION', action: 'fail-task' });
    this.status.trace = describeError(error);
    this.onTaskFailure(error);
    return 'fail-task';
  }

  async handleConversion(
    record: KafkaRecord,
    error: ConversionError,
    controls: PartitionControls,
  ): Promise<FailureVerdict> {
    const { errors, name } = this.options;
    const action = actionForConversionError(errors.errorsTolerance);
    this.metrics.recordErrors.inc({ error: error.code, action });
    if (action === 'fail-task') {
      this.status.trace = describeError(error);
      this.onTaskFailure(error);
      return 'fail-task';
    }
    if (errors.errorsLogEnable) {
      // The message names the record's coordinates and the problem's position, never its bytes.
      this.logger.error(`${error.message}; skipped (errors.tolerance=all)`);
    }
    if (errors.deadLetterQueueTopic) {
      const message = buildConversionErrorRecord(
        record,
        error,
        name,
        errors.deadLetterQueueContextHeaders,
      );
      const topic = errors.deadLetterQueueTopic;
      return this.reported(() => this.reporter.send('dlq', topic, [message], controls));
    }
    return 'continue';
  }

  /**
   * Runs a result, error or DLQ write: `continue` once it is acknowledged, the policy's verdict
   * when the cluster refuses it for good. Anything else (shutdown while waiting) propagates.
   */
  async reported(write: () => Promise<void>): Promise<FailureVerdict> {
    try {
      await write();
      return 'continue';
    } catch (error) {
      if (!(error instanceof ReporterRejectedError)) throw error;
      actionForReporterRejection();
      this.status.trace = describeError(error);
      return 'fail-partition';
    }
  }

  private async writeErrorRecords(
    records: KafkaRecord[],
    error: Error,
    controls: PartitionControls,
  ) {
    const topic = this.options.reporter.errorTopic;
    if (!topic) return;
    const { lambda, name } = this.options;
    const errorType =
      error instanceof LambdaFunctionError
        ? error.functionErrorType
        : ((error as { code?: string }).code ?? error.name);
    const messages = records.map((record) =>
      buildErrorRecord({
        record,
        connectorName: name,
        stage: 'TASK_PUT',
        className: 'io.confluent.connect.aws.lambda.AwsLambdaSinkConnector',
        error,
        lambda: {
          functionName: lambda.functionName,
          invocationType: lambda.invocationType,
          errorType,
        },
        contextHeaders: true,
      }),
    );
    await this.reporter.send('error', topic, messages, controls);
  }
}

/** `topic-partition@first-last` of a batch's records, for log lines. */
function coordinates(records: KafkaRecord[]): string {
  if (records.length === 0) return 'no records';
  const first = records[0];
  const last = records[records.length - 1];
  const span = first.offset === last.offset ? `${first.offset}` : `${first.offset}-${last.offset}`;
  return `${records.length} record(s) at ${first.topic}-${first.partition}@${span}`;
}
