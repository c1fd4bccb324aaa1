import type { ConnectHeaders } from './connect-headers';
import type { ConvertedRecord } from './kafka-record';

/** One element of the JSON array sent to Lambda, in the Confluent connector's format. */
export interface PayloadElement {
  payload: {
    topic: string;
    partition: number;
    offset: number;
    key: unknown;
    value: unknown;
    headers: ConnectHeaders;
    timestamp: number;
  };
}

/**
 * The payload element for one record. Keys are written in the Confluent connector's order
 * (topic, partition, offset, key, value, headers, timestamp) so a function moved from that
 * connector receives the same JSON text, not just equivalent JSON.
 */
export function toPayloadElement(record: ConvertedRecord): PayloadElement {
  return {
    payload: {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      key: record.key,
      value: record.value,
      headers: record.headers,
      timestamp: record.timestamp,
    },
  };
}
