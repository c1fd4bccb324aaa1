import { describeError, messages } from '../errors/messages';
import type { ConnectHeaders } from '../conversion/connect-headers';
import { ConversionError } from '../conversion/conversion-error';
import type { ConvertedRecord } from '../conversion/kafka-record';
import { elementBytes, type SerializedElement } from './payload-sizer';

/** The class Connect names for failures in the sink's own put(), as the error records do. */
export const SINK_CONNECTOR_CLASS = 'io.confluent.connect.aws.lambda.AwsLambdaSinkConnector';

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

/**
 * The record's payload element (`toElement`, the Confluent format's by default) as JSON, or a ConversionError for this record when it cannot be
 * written: whatever the converters let through (a value too deep or too large for
 * `JSON.stringify`), one record must never fail its partition or crash the sink, so it is
 * handled like any record the sink cannot read (`errors.tolerance`, the dead letter queue).
 */
export function serializePayloadElement(
  record: ConvertedRecord,
  toElement: (record: ConvertedRecord) => unknown = toPayloadElement,
): SerializedElement {
  try {
    return elementBytes(toElement(record));
  } catch (error) {
    throw new ConversionError(
      messages.payloadBuildFailed(
        messages.recordAt(record.topic, record.partition, record.offset),
        describeError(error),
      ),
      {
        topic: record.topic,
        partition: record.partition,
        offset: String(record.offset),
        converterClass: SINK_CONNECTOR_CLASS,
      },
      { cause: error },
    );
  }
}
