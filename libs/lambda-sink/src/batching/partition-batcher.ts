import { ARRAY_FRAME, serializeBatch, type PayloadFrame } from './payload-sizer';
import type { ConvertedRecord } from '../conversion/kafka-record';
import type { BatchPlanItem, LambdaBatch } from './lambda-batch';

export interface PartitionBatcherOptions {
  /** `aws.lambda.batch.size`: most records per invocation. */
  maxRecords: number;
  /** Lambda's request limit for the invocation type (6 MB sync, 1 MB async). */
  maxPayloadBytes: number;
  /** What surrounds the elements (`aws.lambda.payload.format`); a JSON array by default. */
  frame?: PayloadFrame;
}

/** A converted record with its payload element serialized once. */
export interface SerializedRecord {
  record: ConvertedRecord;
  json: string;
  bytes: number;
}

/**
 * Cuts one partition's records (already in offset order) into Lambda batches.
 * A batch is closed when it holds `maxRecords`, or when the next record would push the
 * serialized payload (elements and frame) past `maxPayloadBytes`. A record too large on its own becomes an
 * `oversized` item in its place, so the caller handles it as a data error in offset order.
 */
export function planPartitionBatches(
  records: readonly SerializedRecord[],
  options: PartitionBatcherOptions,
): BatchPlanItem[] {
  const plan: BatchPlanItem[] = [];
  const frame = options.frame ?? ARRAY_FRAME;
  let current: SerializedRecord[] = [];
  let currentBytes = frame.bytes;

  const close = () => {
    if (current.length > 0)
      plan.push({ kind: 'batch', batch: toBatch(current, currentBytes, frame) });
    current = [];
    currentBytes = frame.bytes;
  };

  for (const item of records) {
    if (frame.bytes + item.bytes > options.maxPayloadBytes) {
      close();
      plan.push({
        kind: 'oversized',
        oversized: {
          record: item.record,
          payloadBytes: frame.bytes + item.bytes,
          limitBytes: options.maxPayloadBytes,
        },
      });
      continue;
    }
    const separator = current.length > 0 ? 1 : 0;
    if (
      current.length >= options.maxRecords ||
      currentBytes + separator + item.bytes > options.maxPayloadBytes
    ) {
      close();
    }
    currentBytes += (current.length > 0 ? 1 : 0) + item.bytes;
    current.push(item);
  }
  close();
  return plan;
}

/** A Lambda batch of `items` (offset order), its body serialized from their JSON in `frame`. */
export function toBatch(
  items: readonly SerializedRecord[],
  payloadBytes: number,
  frame: PayloadFrame = ARRAY_FRAME,
): LambdaBatch {
  const first = items[0].record;
  const last = items[items.length - 1].record;
  return {
    topic: first.topic,
    partition: first.partition,
    records: items.map((i) => i.record),
    payload: serializeBatch(items, payloadBytes, frame),
    payloadBytes,
    firstOffset: first.offset,
    lastOffset: last.offset,
  };
}
