import { Logger } from '@nestjs/common';
import type { Batch } from 'kafkajs';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import { payloadLimitBytes } from '../conversion/payload-sizer';
import { planPartitionBatches } from '../batching/partition-batcher';
import type { LambdaBatch } from '../batching/lambda-batch';
import {
  LambdaConfigurationError,
  LambdaFunctionError,
  PayloadTooLargeError,
} from '../errors/lambda-errors';
import { messages } from '../errors/messages';
import { RetryDeferred, type LambdaInvoker } from '../invocation/lambda-invoker';
import type { SinkMetrics } from '../metrics/sink-metrics';
import { buildResultMessages } from '../reporting/result-messages';
import type { PartitionStatus } from '../status/sink-status';
import { CommitTracker } from './commit-tracker';
import { FailureHandler, type FailureVerdict } from './failure-handler';
import type { PartitionControls } from './partition-controls';
import { RecordSerializer } from './record-serializer';
import { ReporterRetrier } from './reporter-retrier';
import { RetryAnnouncer } from './retry-announcer';

/**
 * Backoffs up to this long are waited out in the batch handler; longer ones with the partition
 * paused. A paused partition is fetched again only with the consumer's next fetch, which may
 * be a long poll of up to a second (group-consumer's maxWaitTimeInMs): for a short backoff that
 * refetch would cost more than the wait, while a long one must not hold back the partitions
 * kafkajs fetches together with this one.
 */
const WAIT_IN_PLACE_UP_TO_MS = 1000;

/** `retry-later`: a Lambda batch failed transiently; the partition waits out its backoff paused. */
type BatchVerdict = FailureVerdict | 'retry-later';

export type ProcessOutcome =
  'completed' | 'stopped' | 'retrying' | 'partition-failed' | 'task-failed';

export interface PartitionProcessorDeps {
  options: LambdaSinkOptions;
  serializer: RecordSerializer;
  invoker: LambdaInvoker;
  reporter: ReporterRetrier;
  metrics: SinkMetrics;
  /** Called when the whole task must stop (configuration error, intolerable conversion error). */
  onTaskFailure: (error: Error) => void;
}

/**
 * Takes one fetched batch of one topic-partition through conversion, batching, invocation and
 * reporting, strictly in offset order with at most one invocation in flight. An offset is
 * resolved and committed only once its record was invoked successfully (or handled by
 * `log`/`ignore`/DLQ) and its result or error records were acknowledged by Kafka.
 */
export class PartitionProcessor {
  private readonly logger = new Logger('LambdaSink partitions');
  private readonly retries = new RetryAnnouncer(this.logger);

  constructor(private readonly deps: PartitionProcessorDeps) {}

  async process(
    batch: Batch,
    status: PartitionStatus,
    controls: PartitionControls,
  ): Promise<ProcessOutcome> {
    const { options, metrics } = this.deps;
    const labels = { topic: batch.topic, partition: String(batch.partition) };
    metrics.recordsConsumed.inc(labels, batch.messages.length);
    status.highWatermark = Number(batch.highWatermark);

    const tracker = new CommitTracker(controls, status, metrics);
    const failures = new FailureHandler(
      options,
      this.deps.reporter,
      metrics,
      status,
      this.deps.onTaskFailure,
    );
    const limit = payloadLimitBytes(options.lambda.invocationType);

    try {
      // Records are converted in runs that end at a record the converters cannot read, so the
      // bad record is handled (DLQ or stop) exactly at its place in offset order.
      let index = 0;
      while (index < batch.messages.length) {
        const run = this.deps.serializer.serializeRun(batch, index, options.lambda.batchSize);
        const plan = planPartitionBatches(run.serialized, {
          maxRecords: options.lambda.batchSize,
          maxPayloadBytes: limit,
        });
        for (const item of plan) {
          if (controls.shouldStop()) return await tracker.finish('stopped');
          const verdict: BatchVerdict =
            item.kind === 'batch'
              ? await this.invokeBatch(item.batch, status, failures, controls)
              : await failures.handle(
                  [item.oversized.record.original],
                  new PayloadTooLargeError(
                    messages.payloadTooLarge(
                      item.oversized.payloadBytes,
                      item.oversized.limitBytes,
                      'single record',
                    ),
                    {
                      topic: batch.topic,
                      partition: batch.partition,
                      offset: String(item.oversized.record.offset),
                    },
                  ),
                  'data',
                  controls,
                );
          const last = item.kind === 'batch' ? item.batch.lastOffset : item.oversized.record.offset;
          const first =
            item.kind === 'batch' ? item.batch.firstOffset : item.oversized.record.offset;
          if (verdict === 'retry-later') {
            // Everything before this batch is done and committed by finish(); the batch itself
            // is fetched again when the partition resumes.
            controls.retryAt(status.retry?.nextAttemptAt ?? Date.now());
            return await tracker.finish('retrying');
          }
          if (verdict !== 'continue')
            return await tracker.finish(this.stop(verdict, status, first, controls));
          tracker.done(last);
        }
        index = run.nextIndex;
        if (run.failure) {
          if (controls.shouldStop()) return await tracker.finish('stopped');
          const verdict = await failures.handleConversion(
            run.failure.record,
            run.failure.error,
            controls,
          );
          const offset = Number(run.failure.record.offset);
          if (verdict !== 'continue')
            return await tracker.finish(this.stop(verdict, status, offset, controls));
          tracker.done(offset);
          index++;
        }
      }
      return await tracker.finish('completed');
    } catch (error) {
      if (controls.signal.aborted || controls.shouldStop()) return await tracker.finish('stopped');
      throw error;
    }
  }

  private async invokeBatch(
    batch: LambdaBatch,
    status: PartitionStatus,
    failures: FailureHandler,
    controls: PartitionControls,
  ): Promise<BatchVerdict> {
    const { invoker, metrics, options } = this.deps;
    metrics.batchSize.observe(batch.records.length);
    metrics.inFlight.inc();
    let result;
    try {
      result = await invoker.invoke(batch.payload, batch, controls.signal, {
        firstAttempt: this.retries.attemptsSoFar(status, batch.firstOffset) + 1,
        deferRetriesOverMs: WAIT_IN_PLACE_UP_TO_MS,
        onRetry: (attempt, delayMs, reason) =>
          this.retries.retrying(status, batch, attempt, delayMs, reason),
      });
    } catch (error) {
      if (controls.signal.aborted) throw error;
      if (error instanceof RetryDeferred) return 'retry-later';
      this.retries.cleared(status);
      if (error instanceof LambdaConfigurationError) return failures.configuration(error, controls);
      const kind = error instanceof PayloadTooLargeError ? 'data' : 'transient-exhausted';
      return failures.handle(
        batch.records.map((r) => r.original),
        error as Error,
        kind,
        controls,
      );
    } finally {
      metrics.inFlight.dec();
    }
    this.retries.answered(status, batch.firstOffset, batch.lastOffset);
    if (result.functionError) {
      const error = new LambdaFunctionError(
        messages.functionError(
          options.lambda.functionName,
          result.functionError,
          summarize(result.responsePayload),
        ),
        result.functionError,
        {
          topic: batch.topic,
          partition: batch.partition,
          offset: `${batch.firstOffset}-${batch.lastOffset}`,
          functionName: options.lambda.functionName,
        },
      );
      return failures.handle(
        batch.records.map((r) => r.original),
        error,
        'function',
        controls,
      );
    }
    const resultTopic = options.reporter.resultTopic;
    if (options.lambda.invocationType === 'sync' && resultTopic) {
      const results = buildResultMessages(batch.records, result.responsePayload);
      return failures.reported(() =>
        this.deps.reporter.send('result', resultTopic, results, controls),
      );
    }
    return 'continue';
  }

  private stop(
    verdict: FailureVerdict,
    status: PartitionStatus,
    offset: number,
    controls: PartitionControls,
  ): ProcessOutcome {
    if (verdict === 'fail-task') return 'task-failed';
    status.state = 'FAILED';
    status.failedAtOffset = offset;
    controls.pause();
    this.logger.error(
      messages.partitionFailed(status.topic, status.partition, offset, status.trace ?? 'error'),
    );
    return 'partition-failed';
  }
}

function summarize(body: string | undefined): string {
  if (!body) return '(no body)';
  return body.length > 500 ? `${body.slice(0, 500)}…` : body;
}
