import type { ConvertedRecord } from '../conversion/kafka-record';
import { CONNECT_ENCODER, type PayloadEncoder } from './payload-encoder';
import type { LambdaBatch } from './lambda-batch';
import { toBatch } from './partition-batcher';

/**
 * A Lambda batch of some records of a batch already sent (a bisected half, the records a
 * partial response sends round again, those left when others expired): the request body is
 * written again from the records, exactly as the first one was, in the sink's payload format.
 * Only error paths build these, so the first batch keeps no per-record JSON around for them.
 */
export function batchOfRecords(
  records: readonly ConvertedRecord[],
  encoder: PayloadEncoder = CONNECT_ENCODER,
): LambdaBatch {
  const items = records.map((record) => ({ record, ...encoder.element(record) }));
  const frame = encoder.frame(records[0].topic, records[0].partition);
  const bytes = items.reduce((sum, item, i) => sum + item.bytes + (i > 0 ? 1 : 0), frame.bytes);
  return toBatch(items, bytes, frame);
}
