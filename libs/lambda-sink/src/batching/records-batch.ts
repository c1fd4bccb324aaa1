import { serializePayloadElement } from '../conversion/lambda-payload';
import type { ConvertedRecord } from '../conversion/kafka-record';
import type { LambdaBatch } from './lambda-batch';
import { ARRAY_BRACKETS_BYTES, toBatch } from './partition-batcher';

/**
 * A Lambda batch of some records of a batch already sent (a bisected half, the records a
 * partial response sends round again, those left when others expired): the request body is
 * written again from the records, exactly as the first one was. Only error paths build these,
 * so the first batch keeps no per-record JSON around for them.
 */
export function batchOfRecords(records: readonly ConvertedRecord[]): LambdaBatch {
  const items = records.map((record) => ({ record, ...serializePayloadElement(record) }));
  const bytes = items.reduce(
    (sum, item, i) => sum + item.bytes + (i > 0 ? 1 : 0),
    ARRAY_BRACKETS_BYTES,
  );
  return toBatch(items, bytes);
}
