import { Logger } from '@nestjs/common';
import type { LambdaBatch } from '../batching/lambda-batch';
import { batchOfRecords } from '../batching/records-batch';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import type { ConvertedRecord } from '../conversion/kafka-record';
import { CONNECT_ENCODER, type PayloadEncoder } from '../batching/payload-encoder';
import { messages } from '../errors/messages';
import { sleep } from '../invocation/retry-backoff';
import { withFields } from '../logging/log-fields';
import type { ItemVerdict } from '../pipeline/concurrent-dispatch';
import type { FailureHandler } from '../pipeline/failure-handler';
import type { PartitionControls } from '../pipeline/partition-controls';
import {
  errorControlsEnabled,
  invokeWithErrorControls,
  type AttemptAnswer,
  type ErrorControlSettings,
  type RecoveryResult,
} from './batch-recovery';

/** What one batch's run through the error controls needs from its partition. */
export interface BatchErrorControlsCall {
  /** The function this batch's topic invokes. */
  functionName: string;
  attempt(batch: LambdaBatch, first: boolean): Promise<AttemptAnswer>;
  writeResults(records: ConvertedRecord[], response: string | undefined): Promise<ItemVerdict>;
  failures: FailureHandler;
  controls: PartitionControls;
}

/**
 * A rebalance or shutdown asked the partition to stop between two calls of one batch's
 * recovery: the batch is abandoned unfinished (its records are invoked again by whoever gets the
 * partition), as the pipeline abandons any batch on a stop.
 */
export class StopRequested extends Error {
  constructor() {
    super('the partition was asked to stop during error recovery');
    this.name = 'StopRequested';
  }
}

/** The AWS-trigger error controls of the sink's configuration, wired to one partition's pipeline. */
export class BatchErrorControls {
  private readonly logger = new Logger('LambdaSink error controls');
  private readonly settings: Omit<ErrorControlSettings, 'functionName'>;
  readonly enabled: boolean;

  constructor(
    options: LambdaSinkOptions,
    /** Writes the smaller batches recovery sends in the sink's payload format. */
    private readonly encoder: PayloadEncoder = CONNECT_ENCODER,
  ) {
    const { lambda } = options;
    this.settings = {
      ordering: lambda.ordering,
      partialBatchResponse: lambda.partialBatchResponse,
      bisectOnError: lambda.bisectOnError,
      functionErrorRetries: lambda.functionErrorRetries,
      maxRecordAgeMs: lambda.maxRecordAgeMs,
      retryBackoffMs: lambda.retryBackoffMs,
      retryBackoffMaxMs: lambda.retryBackoffMaxMs,
    };
    this.enabled = errorControlsEnabled(this.settings);
  }

  invoke(batch: LambdaBatch, call: BatchErrorControlsCall): Promise<RecoveryResult> {
    const { failures, controls, functionName } = call;
    return invokeWithErrorControls(
      batch,
      { ...this.settings, functionName },
      {
        attempt: (part, first) => {
          if (!first && controls.shouldStop()) throw new StopRequested();
          return call.attempt(part, first);
        },
        writeResults: call.writeResults,
        fail: (records, error, kind) =>
          failures.handle(
            records.map((r) => r.original),
            error,
            kind,
            controls,
          ),
        batchOf: (records) => batchOfRecords(records, this.encoder),
        wait: (ms) => sleep(ms, controls.signal),
        now: Date.now,
        keyOf,
        onRetry: (records, retryNumber, delayMs) => {
          const first = records[0];
          const last = records[records.length - 1];
          const offsets =
            first.offset === last.offset ? `${first.offset}` : `${first.offset}-${last.offset}`;
          this.logger.warn(
            withFields(
              `${messages.recordAt(first.topic, first.partition, offsets)}: retrying ` +
                `${records.length} record(s) after a function error (retry ${retryNumber} of ` +
                `${this.settings.functionErrorRetries}) in ${Math.round(delayMs)} ms`,
              {
                topic: first.topic,
                partition: first.partition,
                offsets,
                function: functionName,
              },
            ),
          );
        },
      },
    );
  }
}

/** A record's ordering key by its Kafka key's bytes; all null keys are one key. */
function keyOf(record: ConvertedRecord): string {
  const key = record.original.key;
  return key === null ? 'null' : `k:${key.toString('latin1')}`;
}
