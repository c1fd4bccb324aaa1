import type { FetchedBatch as PortBatch } from '../kafka';
import { ConversionError } from '../conversion/conversion-error';
import type { Converter, PrepareControls } from '../conversion/converter';
import type { KafkaRecord } from '../conversion/kafka-record';
import { CONNECT_ENCODER, type PayloadEncoder } from '../batching/payload-encoder';
import { convertRecord, transformRecord } from '../conversion/record-conversion';
import type { TransformStep } from '../conversion/transforms/transform-chain';
import type { SerializedRecord } from '../batching/partition-batcher';
import type { RecordFilter } from '../filtering/record-filter';

export interface SerializedRun {
  serialized: SerializedRecord[];
  /** Index of the first record not in `serialized` (the failed one, or the end). */
  nextIndex: number;
  /** The record that stopped the run: a converter could not read it, or it fits no payload. */
  failure?: { record: KafkaRecord; error: ConversionError };
  /**
   * The offset of the run's last record when the filter criteria or a transform (Filter) dropped
   * it and every record after the last serialized one: done without an invocation, so the caller
   * commits past it.
   */
  filteredThrough?: number;
}

export interface RecordSerializerOptions {
  /** `transforms`, applied after the converters. */
  transforms?: readonly TransformStep[];
  /** `aws.lambda.payload.format`; the Confluent format by default. */
  encoder?: PayloadEncoder;
  /** `aws.lambda.filter.criteria`, tested on the record as consumed, before any conversion. */
  filter?: RecordFilter;
  /** Told of each record the filter criteria dropped (the metric). */
  onFiltered?: (record: KafkaRecord) => void;
}

/**
 * Converts and serializes records from `start` until the end or the first record that fails
 * either step (a ConversionError, which the caller handles at that record's place in order).
 */
export class RecordSerializer {
  private readonly transforms: readonly TransformStep[];
  readonly encoder: PayloadEncoder;

  constructor(
    private readonly keyConverter: Converter,
    private readonly valueConverter: Converter,
    private readonly options: RecordSerializerOptions = {},
  ) {
    this.transforms = options.transforms ?? [];
    this.encoder = options.encoder ?? CONNECT_ENCODER;
  }

  /**
   * At most `maxCount` records: the caller asks for one Lambda batch at a time, so only that
   * batch's JSON is alive at once (a whole fetched chunk serialized up front held several copies
   * of a megabyte-sized fetch and cost measurable GC time).
   */
  async serializeRun(
    batch: FetchedBatch,
    start: number,
    maxCount = Infinity,
    until: PrepareControls = NEVER_STOP,
  ): Promise<SerializedRun> {
    const serialized: SerializedRecord[] = [];
    const end = Math.min(batch.messages.length, start + maxCount);
    // Schema Registry converters fetch the run's schemas first (retrying while the registry is
    // down), so that converting each record below stays synchronous.
    if (this.keyConverter.prepare) {
      await this.keyConverter.prepare(partsOf(batch, start, end, 'key'), until);
    }
    if (this.valueConverter.prepare) {
      await this.valueConverter.prepare(partsOf(batch, start, end, 'value'), until);
    }
    let filteredThrough: number | undefined;
    const { filter, onFiltered } = this.options;
    for (let i = start; i < end; i++) {
      const original = kafkaRecordOf(batch, i);
      // Filtered on the bytes as consumed, as AWS filters: a record no pattern matches is never
      // converted, so a value the converters could not read does not stop its partition.
      if (filter && !filter.matches(original)) {
        filteredThrough = Number(original.offset);
        onFiltered?.(original);
        continue;
      }
      try {
        const converted = convertRecord(original, this.keyConverter, this.valueConverter);
        const record = this.transforms.length
          ? transformRecord(converted, this.transforms)
          : converted;
        if (record === null) {
          filteredThrough = converted.offset;
          continue;
        }
        filteredThrough = undefined;
        const { json, bytes } = this.encoder.element(record);
        serialized.push({ record, json, bytes });
      } catch (error) {
        if (!(error instanceof ConversionError)) throw error;
        return { serialized, nextIndex: i, failure: { record: original, error } };
      }
    }
    return { serialized, nextIndex: end, filteredThrough };
  }
}

const NEVER_STOP: PrepareControls = {
  shouldStop: () => false,
  signal: new AbortController().signal,
};

function partsOf(
  batch: FetchedBatch,
  start: number,
  end: number,
  part: 'key' | 'value',
): (Buffer | null)[] {
  return batch.messages.slice(start, end).map((m) => m[part] ?? null);
}

/** What the serializer reads of a fetched batch. */
export type FetchedBatch = Pick<PortBatch, 'topic' | 'partition' | 'messages'>;

/**
 * The record at `index`, made when its Lambda batch is built rather than for the whole fetch up
 * front: a fetch holds about a thousand records per partition for many invocations, and copies
 * made early outlived young-generation GCs and were promoted for nothing.
 */
export function kafkaRecordOf(batch: FetchedBatch, index: number): KafkaRecord {
  const m = batch.messages[index];
  return {
    topic: batch.topic,
    partition: batch.partition,
    offset: m.offset,
    key: m.key ?? null,
    value: m.value ?? null,
    headers: m.headers ?? {},
    timestamp: m.timestamp,
  };
}
