import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fuzzParameters, withinMs } from '../testing/fuzz-parameters';
import { ByteArrayConverter } from './byte-array-converter';
import { ConversionError } from './conversion-error';
import type { Converter } from './converter';
import { JsonConverter } from './json-converter';
import { jsonNestingDepth, MAX_JSON_NESTING_DEPTH } from './json-nesting-depth';
import type { KafkaRecord } from './kafka-record';
import { serializePayloadElement } from '../batching/lambda-payload';
import { convertRecord } from './record-conversion';
import { StringConverter } from './string-converter';

// Record bytes come from whatever producer wrote the topic. Whatever they are, each converter
// must either hand back a record that goes into a payload as valid JSON, or refuse it with a
// ConversionError that names the record and the part (so errors.tolerance and the dead letter
// queue can deal with it) — never another error, never a slow path, never the bytes quoted.

/** Seeded into values: a record may carry a password, and a refusal must not repeat it. */
const SECRET = 'pa55-Secret-7f3a';

const bytes = fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a));
const jsonText = fc.json({ depthSize: 'medium' });
/** Valid JSON cut short or with one byte changed: the near misses a parser must refuse cleanly. */
const damagedJson = fc
  .tuple(jsonText, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean())
  .map(([text, at, byte, cut]) => {
    const buffer = Buffer.from(text);
    if (buffer.length === 0) return buffer;
    const i = at % buffer.length;
    if (cut) return buffer.subarray(0, i);
    buffer[i] = byte;
    return buffer;
  });
const envelope = fc
  .tuple(fc.jsonValue(), fc.jsonValue(), fc.option(fc.dictionary(fc.string(), fc.jsonValue())))
  .map(([schema, payload, extra]) =>
    Buffer.from(JSON.stringify({ ...(extra ?? {}), schema, payload })),
  );
/** Around Jackson's depth limit, balanced or not, as arrays or objects. */
const deep = fc
  .tuple(fc.integer({ min: 990, max: 1010 }), fc.boolean(), fc.boolean())
  .map(([depth, objects, balanced]) => {
    const open = objects ? '{"a":' : '[';
    const close = objects ? '}' : ']';
    const tail = balanced ? close.repeat(depth) : close.repeat(depth - 1);
    return Buffer.from(open.repeat(depth) + '1' + tail);
  });
const withSecret = fc
  .tuple(fc.constantFrom('{"password":"', '["', 'ssn=', '{"a":1,"k":', ''), fc.string())
  .map(([before, after]) => Buffer.from(before + SECRET + after));
/** Overlong encodings, lone surrogates, stray continuation bytes: invalid UTF-8. */
const badUtf8 = fc
  .array(fc.constantFrom(0xc0, 0xc1, 0xed, 0xa0, 0x80, 0xf8, 0xff, 0xfe, 0x22, 0x7b, 0x5b), {
    maxLength: 40,
  })
  .map((a) => Buffer.from(a));

const part = fc.option(
  fc.oneof(bytes, jsonText.map(Buffer.from), damagedJson, envelope, deep, withSecret, badUtf8),
  { nil: null, freq: 8 },
);

const converters: Record<string, () => Converter> = {
  StringConverter: () => new StringConverter(),
  ByteArrayConverter: () => new ByteArrayConverter(),
  'JsonConverter (schemas.enable=false)': () => new JsonConverter(false),
  'JsonConverter (schemas.enable=true)': () => new JsonConverter(true),
};

function record(key: Buffer | null, value: Buffer | null, offset: number): KafkaRecord {
  return {
    topic: 'fuzzed',
    partition: 3,
    offset: String(offset),
    key,
    value,
    headers: {},
    timestamp: '1700000000000',
  };
}

/** What the JSON converter (schemas off) must do with these bytes, from JSON.parse itself. */
function jsonVerdict(value: Buffer | null): 'reads' | 'refuses' {
  if (value === null || value.length === 0) return 'reads';
  if (jsonNestingDepth(value) > MAX_JSON_NESTING_DEPTH) return 'refuses';
  try {
    JSON.parse(value.toString('utf8'));
    return 'reads';
  } catch {
    return 'refuses';
  }
}

describe('record bytes under every converter (fuzzed)', () => {
  for (const [name, make] of Object.entries(converters)) {
    it(`${name}: a payload element or a ConversionError naming the record, never anything else`, () => {
      const converter = make();
      fc.assert(
        fc.property(part, part, fc.nat(), (key, value, offset) => {
          let converted;
          try {
            converted = withinMs(250, 'conversion', () =>
              convertRecord(record(key, value, offset), converter, converter),
            );
          } catch (error) {
            assert.ok(error instanceof ConversionError, `not a ConversionError: ${String(error)}`);
            assert.equal(error.context.offset, String(offset));
            assert.equal(error.context.topic, 'fuzzed');
            assert.ok(['key', 'value'].includes(error.context.part ?? ''));
            assert.equal(error.context.converterClass, converter.connectClass);
            assert.match(error.message, new RegExp(`fuzzed-3@${offset}|fuzzed.*3.*${offset}`));
            assert.ok(!error.message.includes(SECRET), `secret quoted: ${error.message}`);
            return;
          }
          const element = withinMs(250, 'payload element', () =>
            serializePayloadElement(converted),
          );
          const sent = JSON.parse(element.json).payload;
          assert.equal(sent.offset, offset);
          assert.equal(Buffer.byteLength(element.json), element.bytes);
          if (converter instanceof StringConverter) {
            assert.equal(sent.value, value === null ? null : value.toString('utf8'));
          }
          if (converter instanceof ByteArrayConverter) {
            assert.deepEqual(
              sent.value === null ? null : Buffer.from(sent.value, 'base64'),
              value === null ? null : value,
            );
          }
        }),
        fuzzParameters(1500),
      );
    });
  }

  it('JsonConverter (schemas.enable=false) refuses exactly what JSON.parse or the depth limit refuses', () => {
    const converter = new JsonConverter(false);
    fc.assert(
      fc.property(part, (value) => {
        let verdict: 'reads' | 'refuses' = 'reads';
        try {
          converter.toConnectData(value);
        } catch (error) {
          assert.ok(error instanceof ConversionError, String(error));
          verdict = 'refuses';
        }
        assert.equal(verdict, jsonVerdict(value));
      }),
      fuzzParameters(1500),
    );
  });

  it('JsonConverter (schemas.enable=true) reads exactly the {schema, payload} envelope, as its payload', () => {
    const converter = new JsonConverter(true);
    fc.assert(
      fc.property(part, (value) => {
        let expected: { payload: unknown } | undefined;
        if (value === null || value.length === 0) expected = { payload: null };
        else if (jsonVerdict(value) === 'reads') {
          const parsed = JSON.parse(value.toString('utf8'));
          const envelope =
            typeof parsed === 'object' &&
            parsed !== null &&
            !Array.isArray(parsed) &&
            Object.keys(parsed).sort().join() === 'payload,schema';
          if (envelope) expected = { payload: parsed.payload };
        }
        try {
          const converted = converter.toConnectData(value);
          assert.ok(expected, 'read what is not an envelope');
          assert.deepEqual(converted, expected.payload);
        } catch (error) {
          assert.ok(error instanceof ConversionError, String(error));
          assert.equal(expected, undefined, 'refused an envelope');
        }
      }),
      fuzzParameters(1500),
    );
  });

  it('converts a 2 MB value of random bytes in bounded time with every converter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.nat(), (fill, seed) => {
        const value = Buffer.alloc(2_000_000, fill);
        for (let i = seed % 97; i < value.length; i += 97) value[i] = (i * 31 + seed) & 0xff;
        for (const make of Object.values(converters)) {
          const converter = make();
          try {
            withinMs(1500, 'a 2 MB conversion', () =>
              convertRecord(record(null, value, 1), converter, converter),
            );
          } catch (error) {
            assert.ok(error instanceof ConversionError, String(error));
          }
        }
      }),
      fuzzParameters(6),
    );
  });
});
