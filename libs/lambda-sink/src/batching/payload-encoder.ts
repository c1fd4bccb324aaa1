import type { PayloadFormat } from '../config/lambda-sink-options';
import { esmFrame, toEsmRecord } from './esm-payload';
import type { ConvertedRecord } from '../conversion/kafka-record';
import { serializePayloadElement, toPayloadElement } from './lambda-payload';
import { ARRAY_FRAME, type PayloadFrame, type SerializedElement } from './payload-sizer';

/**
 * How a batch is written for Lambda (`aws.lambda.payload.format`): each record's element, and
 * the frame around a batch's elements. Elements are serialized once, when the record is read,
 * and measured against Lambda's limit with the frame included.
 */
export interface PayloadEncoder {
  readonly format: PayloadFormat;
  /** The record's element as JSON; a ConversionError when it cannot be written. */
  element(record: ConvertedRecord): SerializedElement;
  /** What surrounds the elements of a batch of this topic-partition. */
  frame(topic: string, partition: number): PayloadFrame;
}

/** The Confluent connector's payload: `[{"payload": {…converted record…}}, …]`. */
export const CONNECT_ENCODER: PayloadEncoder = {
  format: 'connect',
  element: (record) => serializePayloadElement(record, toPayloadElement),
  frame: () => ARRAY_FRAME,
};

/**
 * AWS Lambda's self-managed Kafka event: the records' raw bytes, base64, under
 * `records["topic-partition"]`, with the cluster's bootstrap servers as the sink reads them.
 */
export function esmEncoder(bootstrapServers: readonly string[]): PayloadEncoder {
  // One frame per partition, made once: it only depends on the topic-partition.
  const frames = new Map<string, PayloadFrame>();
  return {
    format: 'esm',
    element: (record) => serializePayloadElement(record, (r) => toEsmRecord(r.original)),
    frame(topic, partition) {
      const key = `${topic}\u0000${partition}`;
      let frame = frames.get(key);
      if (!frame) frames.set(key, (frame = esmFrame(bootstrapServers, topic, partition)));
      return frame;
    },
  };
}

export function payloadEncoder(
  format: PayloadFormat,
  bootstrapServers: readonly string[],
): PayloadEncoder {
  return format === 'esm' ? esmEncoder(bootstrapServers) : CONNECT_ENCODER;
}
