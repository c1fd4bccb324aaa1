import type { ProducerRecord } from '../kafka';

/**
 * The most record bytes one produce request carries. kafkajs puts every message of a `send`
 * for one partition into a single record batch, and a broker refuses a batch over the topic's
 * `max.message.bytes` — 1 MB unless someone raised it. A batch's results or error records (20
 * records of 100 KB each, say) easily pass that while each one fits, so they are sent in
 * requests that stay under Kafka's default; a topic configured lower is handled by splitting
 * further when the broker says so (see ReporterRetrier).
 */
export const DEFAULT_REQUEST_RECORD_BYTES = 1_000_000;

/** Record framing in the v2 format: length, attributes, deltas and field lengths, as varints. */
const RECORD_OVERHEAD_BYTES = 24;
const HEADER_OVERHEAD_BYTES = 10;

/**
 * Splits `messages` into runs, in order, whose estimated size stays within `maxBytes`. A message
 * larger than that on its own gets a run of its own: whether the topic takes it is the broker's
 * call, and the caller learns it from the answer.
 */
export function chunkMessages<T extends ProducerRecord>(
  messages: Iterable<T>,
  maxBytes = DEFAULT_REQUEST_RECORD_BYTES,
): T[][] {
  return [...messageChunks(messages, maxBytes)];
}

/**
 * The same runs, made as they are asked for: a caller that sends each before taking the next
 * holds one run's messages at a time, however many `messages` will yield in all.
 */
export function* messageChunks<T extends ProducerRecord>(
  messages: Iterable<T>,
  maxBytes = DEFAULT_REQUEST_RECORD_BYTES,
): Generator<T[]> {
  let current: T[] = [];
  let currentBytes = 0;
  for (const message of messages) {
    const bytes = estimatedRecordBytes(message);
    if (current.length > 0 && currentBytes + bytes > maxBytes) {
      yield current;
      current = [];
      currentBytes = 0;
    }
    current.push(message);
    currentBytes += bytes;
  }
  if (current.length > 0) yield current;
}

/** An upper estimate of one message's size inside a record batch. */
export function estimatedRecordBytes(message: ProducerRecord): number {
  return (
    RECORD_OVERHEAD_BYTES +
    byteLength(message.key) +
    byteLength(message.value) +
    headersBytes(message.headers)
  );
}

function headersBytes(headers: ProducerRecord['headers']): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      bytes += HEADER_OVERHEAD_BYTES + Buffer.byteLength(name) + byteLength(one);
    }
  }
  return bytes;
}

function byteLength(value: Buffer | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
