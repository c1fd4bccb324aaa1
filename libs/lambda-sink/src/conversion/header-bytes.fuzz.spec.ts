import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FetchedBatch } from '../kafka';
import { kafkajsDecodedHeaders } from '../kafka/kafkajs/kafkajs-headers.fixture';
import { repairInheritedHeaderNames } from '../kafka/kafkajs/kafkajs-headers';
import { NULL_HEADERS_MARKER, producibleHeaders } from '../reporting/reporter-headers';
import { fuzzParameters } from '../testing/fuzz-parameters';
import { toConnectHeaders } from './connect-headers';
import type { KafkaHeaderValue } from './kafka-record';

// Header names and values come from any producer. Whatever they are, the payload must list each
// header once per occurrence with its value, and the error/result topics must be able to write
// them back (kafkajs encodes only strings and Buffers) without losing one.

type Header = readonly [name: string, value: Buffer | null];

/** Names that collide with Object.prototype, where a plain object lookup finds something. */
const INHERITED = Object.getOwnPropertyNames(Object.prototype);
const headerName = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...INHERITED, NULL_HEADERS_MARKER) },
  { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'trace-id') },
);
const headerValue = fc.option(
  fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)),
  { nil: null, freq: 4 },
);
const headers = fc.array(fc.tuple(headerName, headerValue), { maxLength: 12 });

/** The headers kafkajs hands the sink for these: its decoding, then the adapter's repair. */
function consumed(list: readonly Header[]): Record<string, KafkaHeaderValue> {
  const batch = {
    topic: 't',
    partition: 0,
    highWatermark: '1',
    messages: [
      { offset: '0', key: null, value: null, timestamp: '0', headers: kafkajsDecodedHeaders(list) },
    ],
  } satisfies FetchedBatch;
  return repairInheritedHeaderNames(batch).messages[0].headers as Record<string, KafkaHeaderValue>;
}

/** Each name's values in order of occurrence (kafkajs groups by name; order within one name holds). */
function byName(list: readonly Header[]): Map<string, Array<string | null>> {
  const grouped = new Map<string, Array<string | null>>();
  for (const [name, value] of list) {
    grouped.set(name, [
      ...(grouped.get(name) ?? []),
      value === null ? null : value.toString('utf8'),
    ]);
  }
  return grouped;
}

const EXAMPLES: Array<[Header[]]> = [
  // Found by this spec: kafkajs decoded these as [Object, value] and [Object.prototype, value].
  [[['constructor', Buffer.from('c')]]],
  [
    [
      ['__proto__', Buffer.from('p')],
      ['__proto__', null],
    ],
  ],
  [
    [
      ['toString', null],
      ['a', Buffer.from('x')],
    ],
  ],
];

describe('header bytes (fuzzed, decoded by kafkajs itself)', () => {
  it('puts every occurrence of every header into the payload, with its value', () => {
    fc.assert(
      fc.property(headers, (list) => {
        const connect = toConnectHeaders(consumed(list));
        assert.equal(connect.length, list.length, 'one payload header per header on the record');
        const fromPayload = new Map<string, Array<string | null>>();
        for (const entry of connect) {
          const names = Object.keys(entry);
          assert.equal(names.length, 1);
          const [name] = names;
          fromPayload.set(name, [...(fromPayload.get(name) ?? []), entry[name]]);
        }
        assert.deepEqual(fromPayload, byName(list));
        // And it survives JSON, as the payload is sent.
        assert.deepEqual(JSON.parse(JSON.stringify(connect)), connect);
      }),
      fuzzParameters(2000, { examples: EXAMPLES }),
    );
  });

  it('writes them back to the error and result topics as kafkajs can encode, losing none', () => {
    fc.assert(
      fc.property(headers, (list) => {
        const producible = producibleHeaders(consumed(list));
        // The marker names the null values' positions; with no nulls it is the record's own.
        const hasNulls = list.some(([, value]) => value === null);
        const marked: Record<string, number[]> = hasNulls
          ? JSON.parse(String(producible[NULL_HEADERS_MARKER]))
          : {};
        const written = new Map<string, Array<string | null>>();
        for (const name of Object.keys(producible)) {
          const value = producible[name];
          const values = Array.isArray(value) ? value : [value];
          for (const item of values) {
            assert.ok(
              typeof item === 'string' || Buffer.isBuffer(item),
              `${name}: ${String(item)}`,
            );
          }
          const nullAt = Object.hasOwn(marked, name) ? marked[name] : [];
          written.set(
            name,
            values.map((item, i) => (nullAt.includes(i) ? null : String(item))),
          );
        }
        const expected = byName(list);
        written.delete(NULL_HEADERS_MARKER);
        expected.delete(NULL_HEADERS_MARKER);
        assert.deepEqual(written, expected);
      }),
      fuzzParameters(2000, { examples: EXAMPLES }),
    );
  });
});
