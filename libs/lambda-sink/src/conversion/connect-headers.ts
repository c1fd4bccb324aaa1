import type { KafkaHeaderValue } from './kafka-record';

/** Connect's JSON shape for headers: one single-entry object per header, in record order. */
export type ConnectHeaders = Array<Record<string, string | null>>;

const NO_HEADERS: Readonly<Record<string, KafkaHeaderValue>> = {};

/**
 * Turns kafkajs headers (`{h1: <Buffer>, h2: [<Buffer>, <Buffer>]}`) into Connect's array
 * `[{"h1": "v1"}, {"h2": "a"}, {"h2": "b"}]`. kafkajs folds a repeated header into an array;
 * Connect lists each occurrence, so arrays are unfolded back into one entry per value.
 * Values are decoded as UTF-8; a header without a value becomes `null`.
 */
export function toConnectHeaders(
  headers: Record<string, KafkaHeaderValue> | undefined = NO_HEADERS,
): ConnectHeaders {
  const result: ConnectHeaders = [];
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) {
      for (const item of value) result.push({ [name]: headerText(item) });
    } else {
      result.push({ [name]: headerText(value) });
    }
  }
  return result;
}

function headerText(value: Buffer | string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : value.toString('utf8');
}
