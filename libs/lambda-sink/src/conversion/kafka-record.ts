/**
 * The shapes a Kafka record takes on its way to Lambda.
 * `KafkaRecord` is what the consumer handed us (bytes); `ConvertedRecord` is after the
 * key/value converters ran, ready to be put in a Lambda payload.
 */
export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

export interface KafkaRecord {
  topic: string;
  partition: number;
  /** kafkajs gives offsets as decimal strings (int64). */
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, KafkaHeaderValue>;
  /** ms since epoch, as a decimal string (kafkajs). */
  timestamp: string;
}

export interface ConvertedRecord {
  topic: string;
  partition: number;
  offset: number;
  key: unknown;
  value: unknown;
  /** Connect's shape: one single-entry object per header, in record order; `null` when valueless. */
  headers: Array<Record<string, string | null>>;
  timestamp: number;
  /** The record as consumed, for error/result topics that must carry the original bytes. */
  original: KafkaRecord;
}
