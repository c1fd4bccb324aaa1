import type { Converter } from './converter';
import { ConversionError, type RecordPart } from './conversion-error';
import { messages } from '../errors/messages';
import { toConnectHeaders } from './connect-headers';
import type { ConvertedRecord, KafkaRecord } from './kafka-record';
import type { TransformStep } from './transforms/transform-chain';

/**
 * Runs the key and value converters over one consumed record and shapes it for the payload.
 * Offsets and timestamps become JSON numbers, as in the Confluent payload (exact below 2^53).
 * @throws ConversionError with the record's coordinates and which part failed in its context.
 */
export function convertRecord(
  record: KafkaRecord,
  keyConverter: Converter,
  valueConverter: Converter,
): ConvertedRecord {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: Number(record.offset),
    key: convertPart(record, 'key', keyConverter, record.key),
    value: convertPart(record, 'value', valueConverter, record.value),
    headers: toConnectHeaders(record.headers),
    timestamp: Number(record.timestamp),
    original: record,
  };
}

/**
 * The configured transforms over a converted record, in order, as Connect runs them before a
 * sink sees the record. Null when one of them (Filter) drops it.
 * @throws ConversionError (stage TRANSFORMATION) naming the transform, when one fails on it.
 */
export function transformRecord(
  converted: ConvertedRecord,
  steps: readonly TransformStep[],
): ConvertedRecord | null {
  let current: ConvertedRecord | null = converted;
  for (const step of steps) {
    try {
      const next = step.apply(current);
      if (next === null) return null;
      current = { ...next, original: converted.original };
    } catch (error) {
      const { original } = converted;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConversionError(
        messages.transformFailed(
          step.alias,
          step.type,
          messages.recordAt(original.topic, original.partition, original.offset),
          reason,
        ),
        {
          topic: original.topic,
          partition: original.partition,
          offset: original.offset,
          part: 'transformation',
          converterClass: step.type,
        },
        { cause: error },
      );
    }
  }
  return current;
}

function convertPart(
  record: KafkaRecord,
  part: RecordPart,
  converter: Converter,
  bytes: Buffer | null,
): unknown {
  try {
    return converter.toConnectData(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConversionError(
      messages.conversionFailed(
        part,
        converter.connectClass,
        messages.recordAt(record.topic, record.partition, record.offset),
        reason,
      ),
      {
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        part,
        converterClass: converter.connectClass,
      },
      { cause: error },
    );
  }
}
