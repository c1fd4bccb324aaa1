import { Logger } from '@nestjs/common';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import type { ConversionError } from '../conversion/conversion-error';
import type { KafkaRecord } from '../conversion/kafka-record';
import { LambdaFunctionError, ReporterRejectedError } from '../errors/lambda-errors';
import { describeError } from '../errors/messages';
import { withFields, type LogFields } from '../logging/log-fields';
import {
  decide,
  type Decision,
  type FailureKind,
  type PolicySettings,
} from '../errors/outcome-policy';
import type { SinkMetrics } from '../operations/metrics/sink-metrics';
import { buildConversionErrorRecord, buildErrorRecord } from '../reporting/error-record';
import type { PartitionStatus } from '../operations/status/sink-status';
import type { PartitionControls } from './partition-controls';
import type { ReporterRetrier } from '../reporting/reporter-retrier';

/** `continue`: the records count as handled (commit past them); otherwise stop. */
export type FailureVerdict = 'continue' | 'fail-partition' | 'fail-task';

/**
 * Carries out what the outcome policy decided for failed records — logs, error-topic and DLQ
 * records, metrics, and the status trace that the API and readiness show — and decides nothing
 * itself (errors/outcome-policy.ts does).
 */
export class FailureHandler {
  private readonly logger = new Logger('LambdaSink failures');
  private readonly settings: PolicySettings;

  constructor(
    private readonly options: LambdaSinkOptions,
    /** The function this partition's topic invokes (one per topic in multiple mode). */
    private readonly functionName: string,
    private readonly reporter: ReporterRetrier,
    private readonly metrics: SinkMetrics,
    private readonly status: PartitionStatus,
    private readonly onTaskFailure: (error: Error) => void,
  ) {
    const { errors, reporter: topics } = options;
    this.settings = {
      ...errors,
      errorTopic: Boolean(topics.errorTopic),
      deadLetterQueue: Boolean(errors.deadLetterQueueTopic),
    };
  }

  /** `records` failed with `error`; carries out the policy's decision for `kind`. */
  async handle(
    records: KafkaRecord[],
    error: Error,
    kind: FailureKind,
    controls: PartitionControls,
  ): Promise<FailureVerdict> {
    const decision = decide(kind, this.settings);
    const errorLabel = (error as { code?: string }).code ?? kind;
    this.metrics.recordErrors.inc({ error: errorLabel, action: decision.countAs }, records.length);
    this.log(decision, records, error, kind);
    switch (decision.then) {
      case 'stop-task':
        this.status.trace = describeError(error);
        this.onTaskFailure(error);
        return 'fail-task';
      case 'stop-partition':
        this.status.trace = describeError(error);
        return 'fail-partition';
      case 'continue':
        return this.write(decision, records, error, controls);
    }
  }

  /** A record the converters could not read (errors.tolerance, the DLQ). */
  handleConversion(
    record: KafkaRecord,
    error: ConversionError,
    controls: PartitionControls,
  ): Promise<FailureVerdict> {
    return this.handle([record], error, 'conversion', controls);
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
      const decision = decide('reporter-rejected', this.settings);
      this.status.trace = describeError(error);
      return decision.then === 'stop-task' ? 'fail-task' : 'fail-partition';
    }
  }

  private log(decision: Decision, records: KafkaRecord[], error: Error, kind: FailureKind) {
    if (decision.log === 'none') return;
    const fields = fieldsOf(records, kind === 'conversion' ? undefined : this.functionName);
    if (kind === 'conversion') {
      // The message names the record's coordinates and the problem's position, never its bytes.
      this.logger.error(withFields(`${error.message}; skipped (errors.tolerance=all)`, fields));
    } else if (decision.log === 'warn') {
      // Opted in with behavior.on.retries.exhausted: still never silent, whatever the action.
      this.logger.warn(
        withFields(
          `${describeError(error)}; ${decision.write === 'none' ? 'skipping' : 'logging'} ` +
            `${coordinates(records)} (behavior.on.error=${this.options.errors.behaviorOnError})`,
          fields,
        ),
      );
    } else {
      this.logger.error(
        withFields(
          `${describeError(error)} (${records.length} record(s); ` +
            `${decision.write === 'error-topic' ? 'writing them to the error topic' : 'no error topic'})`,
          fields,
        ),
      );
    }
  }

  private write(
    decision: Decision,
    records: KafkaRecord[],
    error: Error,
    controls: PartitionControls,
  ): Promise<FailureVerdict> {
    const { errors, name } = this.options;
    switch (decision.write) {
      case 'error-topic':
        return this.reported(() => this.writeErrorRecords(records, error, controls));
      case 'dlq': {
        const topic = errors.deadLetterQueueTopic as string;
        const dlqRecords = records.map((record) =>
          buildConversionErrorRecord(
            record,
            error as ConversionError,
            name,
            errors.deadLetterQueueContextHeaders,
          ),
        );
        return this.reported(() => this.reporter.send('dlq', topic, dlqRecords, controls));
      }
      case 'none':
        return Promise.resolve('continue');
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
          functionName: this.functionName,
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

/** The coordinates of a batch's records, and the function when a Lambda call was involved. */
function fieldsOf(records: KafkaRecord[], functionName?: string): LogFields {
  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) return { function: functionName };
  return {
    topic: first.topic,
    partition: first.partition,
    offsets: first.offset === last.offset ? first.offset : `${first.offset}-${last.offset}`,
    function: functionName,
  };
}
