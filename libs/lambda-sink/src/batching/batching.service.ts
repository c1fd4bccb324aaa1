import { Inject, Injectable } from '@nestjs/common';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import type { ConvertedRecord } from '../conversion/kafka-record';
import { LAMBDA_SINK_OPTIONS } from '../lambda-sink.constants';
import { KeyedBatchScheduler, recordKey } from './keyed-batch-scheduler';
import type { BatchPlanItem, LambdaBatch } from './lambda-batch';
import { payloadEncoder, type PayloadEncoder } from './payload-encoder';
import { planPartitionBatches, type SerializedRecord } from './partition-batcher';
import { payloadLimitBytes } from './payload-sizer';
import { batchOfRecords } from './records-batch';

/**
 * How records become Lambda requests, as one Nest provider: the payload format
 * (`aws.lambda.payload.format`), and batches cut once by `aws.lambda.batch.size` and by Lambda's
 * payload limit (6 MB sync, 1 MB async) with the format's frame counted. The per-partition
 * state (a scheduler over one fetch) is a plain object this service creates.
 */
@Injectable()
export class BatchingService {
  /** Writes each record's element and the frame around a batch's elements. */
  readonly encoder: PayloadEncoder;
  private readonly maxRecords: number;
  private readonly maxPayloadBytes: number;
  private readonly ordering: LambdaSinkOptions['lambda']['ordering'];

  constructor(@Inject(LAMBDA_SINK_OPTIONS) options: LambdaSinkOptions) {
    const { lambda } = options;
    this.encoder = payloadEncoder(lambda.payloadFormat, options.kafka.bootstrapServers);
    this.maxRecords = lambda.batchSize;
    this.maxPayloadBytes = payloadLimitBytes(lambda.invocationType);
    this.ordering = lambda.ordering;
  }

  /** `ordering=partition`: a run of one partition's records cut into batches, in offset order. */
  planInOrder(records: readonly SerializedRecord[]): BatchPlanItem[] {
    if (records.length === 0) return [];
    return planPartitionBatches(records, {
      maxRecords: this.maxRecords,
      maxPayloadBytes: this.maxPayloadBytes,
      frame: this.frameOf(records[0].record),
    });
  }

  /** `ordering=key`/`none`: batches handed out as keys become free (none: no key waits). */
  scheduler(records: readonly SerializedRecord[]): KeyedBatchScheduler {
    return new KeyedBatchScheduler(records, {
      maxRecords: this.maxRecords,
      maxPayloadBytes: this.maxPayloadBytes,
      frame: records.length > 0 ? this.frameOf(records[0].record) : undefined,
      keyOf: this.ordering === 'key' ? recordKey : () => undefined,
    });
  }

  /** A batch of some records already sent once (error recovery), in the same format. */
  batchOf(records: readonly ConvertedRecord[]): LambdaBatch {
    return batchOfRecords(records, this.encoder);
  }

  private frameOf(record: ConvertedRecord) {
    return this.encoder.frame(record.topic, record.partition);
  }
}
