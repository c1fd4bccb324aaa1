import type { KafkaHeaderValue, KafkaRecord } from '../conversion/kafka-record';
import type { PayloadFrame } from './payload-sizer';

/** `eventSource` of AWS Lambda's self-managed Apache Kafka trigger, as its events carry it. */
export const ESM_EVENT_SOURCE = 'SelfManagedKafka';

/** One header as the ESM event writes it: its name and its value's bytes as numbers. */
export type EsmHeader = Record<string, number[]>;

/**
 * One record of the ESM event (`records["topic-partition"][i]`), in the field order AWS's events
 * use. `key` and `value` are left out when the record has none, as AWS does with a null key: a
 * function written for the trigger tests for their presence, not for `null`.
 */
export interface EsmRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CREATE_TIME';
  key?: string;
  value?: string;
  headers: EsmHeader[];
}

/**
 * The ESM record for one consumed record, from the bytes as consumed: AWS sends the record's raw
 * key and value base64-encoded, so a function that decodes them itself must get exactly those
 * bytes whatever converters the sink is configured with. `timestampType` is always CREATE_TIME:
 * the Kafka client does not expose a batch's timestamp type (a LogAppendTime topic's timestamp is
 * still the broker's append time).
 */
export function toEsmRecord(record: KafkaRecord): EsmRecord {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: Number(record.offset),
    timestamp: Number(record.timestamp),
    timestampType: 'CREATE_TIME',
    ...(record.key !== null && { key: record.key.toString('base64') }),
    ...(record.value !== null && { value: record.value.toString('base64') }),
    headers: toEsmHeaders(record.headers),
  };
}

/**
 * kafkajs folds a repeated header into an array; ESM lists each occurrence as its own entry, so
 * arrays are unfolded. A header without a value gets no bytes (`[]`): the ESM event has no null,
 * and a function decoding `Buffer.from(bytes)` must not throw on it.
 */
export function toEsmHeaders(headers: Record<string, KafkaHeaderValue>): EsmHeader[] {
  const result: EsmHeader[] = [];
  for (const name in headers) {
    const value = headers[name];
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) result.push({ [name]: headerBytes(item) });
  }
  return result;
}

function headerBytes(value: Buffer | string | null | undefined): number[] {
  if (value === undefined || value === null) return [];
  return [...(typeof value === 'string' ? Buffer.from(value, 'utf8') : value)];
}

/**
 * What surrounds a batch's records in the ESM event. A batch holds one topic-partition, so the
 * event has one `records` entry, keyed `topic-partition` as AWS keys it.
 */
export function esmFrame(
  bootstrapServers: readonly string[],
  topic: string,
  partition: number,
): PayloadFrame {
  const head = JSON.stringify({
    eventSource: ESM_EVENT_SOURCE,
    bootstrapServers: bootstrapServers.join(','),
  });
  // `{"eventSource":…,"bootstrapServers":…` + `,"records":{"t-0":[` … `]}}`
  const open = `${head.slice(0, -1)},"records":{${JSON.stringify(`${topic}-${partition}`)}:[`;
  const close = ']}}';
  return { open, close, bytes: Buffer.byteLength(open, 'utf8') + close.length };
}
