/**
 * The shapes a Kafka record takes on its way to Lambda.
 * `KafkaRecord` is what the consumer handed us (bytes); `ConvertedRecord` is after the
 * key/value converters ran, ready to be put in a Lambda payload.
 */
/**
 * A header value as kafkajs decodes it. Its typings leave out `null`, but a header whose value
 * is null on the wire (Kafka allows it) arrives as `null`, alone or inside a repeated header's array.
 */
export type KafkaHeaderValue = Buffer | string | null | (Buffer | string | null)[] | undefined;

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
