import type { ConvertedRecord } from '../conversion/kafka-record';

/** A converted record at `offset` of orders-1, for specs. */
export function convertedRecord(
  offset: number,
  overrides: Partial<ConvertedRecord> = {},
): ConvertedRecord {
  return {
    topic: 'orders',
    partition: 1,
    offset,
    key: `k${offset}`,
    value: `v${offset}`,
    headers: [],
    timestamp: 1562844607000 + offset,
    original: {
      topic: 'orders',
      partition: 1,
      offset: String(offset),
      key: Buffer.from(`k${offset}`),
      value: Buffer.from(`v${offset}`),
      headers: {},
      timestamp: String(1562844607000 + offset),
    },
    ...overrides,
  };
}
