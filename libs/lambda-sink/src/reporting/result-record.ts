import type { ConvertedRecord } from '../conversion/kafka-record';
import { producibleHeaders } from './reporter-headers';
import type { ReporterMessage } from './reporter-message';

/**
 * The result-topic record for one input record and its matched Lambda result (SPEC 5).
 * Keyed by the original key bytes so each key's results stay in one partition, in order, and
 * compact like their inputs; the value is the Confluent connector's JSON, with the
 * key and headers as they appeared in the Lambda payload. The original headers ride along
 * so tracing or correlation headers survive the round trip.
 */
export function buildResultRecord(record: ConvertedRecord, result: unknown): ReporterMessage {
  const value = JSON.stringify({
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    headers: record.headers,
    key: record.key,
    // `undefined` would drop the field from the JSON; the format always has a value.
    value: result === undefined ? null : result,
  });
  return { key: record.original.key, value, headers: producibleHeaders(record.original.headers) };
}
