import type { KafkaHeaderValue } from '../conversion/kafka-record';

/** Header values kafkajs' producer can encode: no null among them. */
export type ProducibleHeaders = Record<string, Buffer | string | (Buffer | string)[]>;

/**
 * Marks the headers that were null in the consumed record. Its value is JSON: each such header's
 * name with the 0-based positions, among that name's occurrences, of the null values, e.g.
 * `{"trace-id":[0]}`. Documented in docs/CONFIGURATION.md (reporter section).
 */
export const NULL_HEADERS_MARKER = '__lambda.null.headers';

const EMPTY = Buffer.alloc(0);

/**
 * The consumed record's headers as the reporter can write them. Kafka allows a null header
 * value, but kafkajs 2.2.4 cannot produce one (its record encoder sizes every header value with
 * `Buffer.byteLength`, which throws on null), and the write would fail on every retry. So a null
 * value is written as an empty one and named in `NULL_HEADERS_MARKER`: nothing is dropped, and a
 * reader can tell a null from a genuinely empty value. A marker the record already carried is
 * replaced only when this record has nulls of its own.
 */
export function producibleHeaders(headers: Record<string, KafkaHeaderValue>): ProducibleHeaders {
  // Entries, then Object.fromEntries: it defines own properties, where assigning a header named
  // `__proto__` would set the object's prototype and drop the header.
  const nulls: Array<[string, number[]]> = [];
  const result: Array<[string, ProducibleHeaders[string]]> = [];
  for (const name in headers) {
    const value = headers[name];
    const positions: number[] = [];
    if (Array.isArray(value)) {
      result.push([
        name,
        value.map((item, i) => (isNull(item) ? (positions.push(i), EMPTY) : item)),
      ]);
    } else if (isNull(value)) {
      positions.push(0);
      result.push([name, EMPTY]);
    } else {
      result.push([name, value]);
    }
    if (positions.length > 0) nulls.push([name, positions]);
  }
  const producible = Object.fromEntries(result);
  if (nulls.length > 0) producible[NULL_HEADERS_MARKER] = JSON.stringify(Object.fromEntries(nulls));
  return producible;
}

function isNull<T>(value: T | null | undefined): value is null | undefined {
  return value === null || value === undefined;
}
