import { ConversionError } from '../conversion/conversion-error';
import type { Converter } from '../conversion/converter';
import type { KafkaRecord } from '../conversion/kafka-record';
import { toPayloadElement } from '../conversion/lambda-payload';
import { elementBytes } from '../conversion/payload-sizer';
import { convertRecord } from '../conversion/record-conversion';
import type { SerializedRecord } from '../batching/partition-batcher';

export interface SerializedRun {
  serialized: SerializedRecord[];
  /** Index of the first record not in `serialized` (the failed one, or the end). */
  nextIndex: number;
  /** The record that stopped the run because a converter could not read it. */
  failure?: { record: KafkaRecord; error: ConversionError };
}

/** Converts and serializes records from `start` until the end or the first conversion error. */
export class RecordSerializer {
  constructor(
    private readonly keyConverter: Converter,
    private readonly valueConverter: Converter,
  ) {}

  /**
   * At most `maxCount` records: the caller asks for one Lambda batch at a time, so only that
   * batch's JSON is alive at once (a whole fetched chunk serialized up front held several copies
   * of a megabyte-sized fetch and cost measurable GC time).
   */
  serializeRun(records: readonly KafkaRecord[], start: number, maxCount = Infinity): SerializedRun {
    const serialized: SerializedRecord[] = [];
    const end = Math.min(records.length, start + maxCount);
    for (let i = start; i < end; i++) {
      try {
        const record = convertRecord(records[i], this.keyConverter, this.valueConverter);
        const { json, bytes } = elementBytes(toPayloadElement(record));
        serialized.push({ record, json, bytes });
      } catch (error) {
        if (!(error instanceof ConversionError)) throw error;
        return { serialized, nextIndex: i, failure: { record: records[i], error } };
      }
    }
    return { serialized, nextIndex: end };
  }
}
