import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as avro from 'avsc';
import fc from 'fast-check';
import * as protobuf from 'protobufjs';
import type { SchemaRegistryFormat, SchemaRegistryOptions } from '../../config/lambda-sink-options';
import { fuzzParameters, withinMs } from '../../testing/fuzz-parameters';
import { ConversionError } from '../conversion-error';
import type { PrepareControls } from '../converter';
import type { KafkaRecord } from '../kafka-record';
import { serializePayloadElement } from '../../batching/lambda-payload';
import { convertRecord } from '../record-conversion';
import { StringConverter } from '../string-converter';
import type { RegisteredSchema, SchemaRegistryClient } from './schema-registry-client';
import { SchemaRegistryConverter } from './schema-registry-converter';
import { SchemaUnusableError } from './schema-registry.errors';

// Wire-format records are bytes a producer wrote: magic byte, schema id, then data that may not
// match the schema at all. Each one must become a payload element or a ConversionError for
// errors.tolerance and the dead letter queue — never a crash, never a long stall.

const ORDER = {
  type: 'record',
  name: 'Order',
  namespace: 'fuzz',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'name', type: 'string' },
    { name: 'price', type: 'double' },
    { name: 'ratio', type: 'float' },
    { name: 'flag', type: 'boolean' },
    { name: 'raw', type: 'bytes' },
    { name: 'code', type: { type: 'fixed', name: 'Code', size: 4 } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'DONE'] } },
    {
      name: 'amount',
      type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 },
    },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'counts', type: { type: 'map', values: 'int' } },
    { name: 'maybe', type: ['null', 'string'] },
    {
      name: 'choice',
      type: [
        'int',
        'string',
        { type: 'record', name: 'Inner', fields: [{ name: 'a', type: 'int' }] },
      ],
    },
    { name: 'nulls', type: { type: 'array', items: 'null' } },
    { name: 'grid', type: { type: 'array', items: { type: 'array', items: 'int' } } },
  ],
};
const LINKED_LIST = {
  type: 'record',
  name: 'Node',
  fields: [
    { name: 'value', type: 'int' },
    { name: 'next', type: ['null', 'Node'] },
  ],
};
const TREE_PROTO = `syntax = "proto3";
package fuzz;
enum Color { RED = 0; GREEN = 1; }
message Tree {
  string label = 1;
  repeated Tree children = 2;
  map<string, int64> weights = 3;
  oneof pick { int32 n = 4; string s = 5; Tree t = 6; }
  Color color = 7;
  bytes blob = 8;
  double d = 9;
  optional sint64 o = 10;
  map<int64, bool> flags = 11;
}`;
const JSON_SCHEMA = {
  type: 'object',
  definitions: {
    node: {
      type: 'object',
      properties: { v: { type: 'number' }, next: { $ref: '#/definitions/node' } },
    },
  },
  properties: {
    id: { type: 'integer' },
    node: { $ref: '#/definitions/node' },
    extra: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    either: {
      oneOf: [{ type: 'null' }, { type: 'object', properties: { x: { type: 'string' } } }],
    },
  },
};

const SCHEMAS: Record<number, RegisteredSchema> = {
  11: { schema: JSON.stringify(ORDER) },
  12: { schema: JSON.stringify(LINKED_LIST) },
  13: { schema: JSON.stringify({ type: 'array', items: 'long' }) },
  14: { schema: JSON.stringify({ type: 'array', items: 'null' }) },
  21: { schema: TREE_PROTO, schemaType: 'PROTOBUF' },
  31: { schema: JSON.stringify(JSON_SCHEMA), schemaType: 'JSON' },
};
const IDS: Record<SchemaRegistryFormat, number[]> = {
  avro: [11, 12, 13, 14],
  protobuf: [21],
  jsonschema: [31],
};

/** The registry in memory; an id it does not know is the registry's "not found". */
const registry = {
  async schemaById(id: number): Promise<RegisteredSchema> {
    const schema = SCHEMAS[id];
    if (!schema) throw new SchemaUnusableError(`Error retrieving schema ID ${id}: not found`);
    return schema;
  },
  async schemaByVersion(): Promise<RegisteredSchema> {
    throw new SchemaUnusableError('no references here');
  },
} as unknown as SchemaRegistryClient;

const OPTIONS: SchemaRegistryOptions = {
  urls: ['http://registry.invalid'],
  tls: { keystoreType: 'PEM', verifyHostname: true },
  connectTimeoutMs: 1000,
  readTimeoutMs: 1000,
  cacheCapacity: 100,
  enhancedAvroSchemaSupport: false,
  generateIndexForUnions: true,
};
const running: PrepareControls = { shouldStop: () => false, signal: new AbortController().signal };

function framed(id: number, data: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, data]);
}

/** A zigzag varint, as Avro writes counts. */
function avroLong(n: number): Buffer {
  const out: number[] = [];
  let z = BigInt(n) * 2n;
  while (z >= 128n) {
    out.push(Number(z & 127n) | 128);
    z >>= 7n;
  }
  out.push(Number(z));
  return Buffer.from(out);
}

/** Valid data for the schema (avsc's own random values), then maybe one byte changed or cut. */
function avroData(id: number) {
  const type = avro.Type.forSchema(JSON.parse(SCHEMAS[id].schema), { wrapUnions: true });
  return fc
    .tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('keep', 'flip', 'cut'))
    .map(([at, byte, damage]) => {
      const data = type.toBuffer(type.random());
      if (damage === 'keep' || data.length === 0) return data;
      if (damage === 'cut') return data.subarray(0, at % data.length);
      data[at % data.length] = byte;
      return data;
    });
}

const treeType = protobuf.parse(TREE_PROTO, { keepCase: true }).root.lookupType('fuzz.Tree');
const tree = fc.record(
  {
    label: fc.string(),
    weights: fc.dictionary(fc.string({ maxLength: 4 }), fc.integer()),
    n: fc.integer(),
    color: fc.constantFrom(0, 1, 7),
    blob: fc.uint8Array({ maxLength: 8 }),
    d: fc.double(),
  },
  { requiredKeys: [] },
);
const protobufData = fc
  .tuple(tree, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean())
  .map(([value, at, byte, flip]) => {
    const data = Buffer.concat([
      Buffer.from([0]),
      treeType.encode(treeType.fromObject(value)).finish(),
    ]);
    if (flip) data[at % data.length] = byte;
    return data;
  });

const randomData = fc.uint8Array({ maxLength: 200 });

function wireBytes(format: SchemaRegistryFormat) {
  const own = IDS[format];
  const id = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...own) },
    { weight: 1, arbitrary: fc.constantFrom(11, 21, 31, 999) },
    { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) },
  );
  const data =
    format === 'avro'
      ? fc.oneof(randomData, ...own.map(avroData))
      : format === 'protobuf'
        ? fc.oneof(randomData, protobufData)
        : fc.oneof(
            randomData,
            fc.json().map((t) => Buffer.from(t)),
          );
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(id, data).map(([i, d]) => framed(i, d)) },
    // Not in the wire format: no magic byte, or too short for a schema id.
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 6 }).map((a) => Buffer.from(a)) },
  );
}

function record(value: Buffer): KafkaRecord {
  return {
    topic: 'wire',
    partition: 0,
    offset: '5',
    key: null,
    value,
    headers: {},
    timestamp: '0',
  };
}

// Found by this spec: a block count far past the data made avsc allocate and read that many
// items: 10^8 ran the service out of memory with six bytes of data.
const EXAMPLES: Array<[Buffer]> = [
  [framed(13, Buffer.concat([avroLong(100_000_000), Buffer.from([0])]))],
  [framed(14, Buffer.concat([avroLong(100_000_000), Buffer.from([0])]))],
  [framed(11, Buffer.concat([Buffer.alloc(40, 2), avroLong(2 ** 40)]))],
];

describe('Schema Registry wire format (fuzzed)', () => {
  for (const format of ['avro', 'protobuf', 'jsonschema'] as const) {
    it(`${format}: a payload element or a ConversionError for any bytes after the header`, async () => {
      const converter = new SchemaRegistryConverter(format, OPTIONS, registry);
      const keys = new StringConverter();
      await fc.assert(
        fc.asyncProperty(wireBytes(format), async (bytes) => {
          await converter.prepare([bytes], running);
          try {
            withinMs(500, `${format} record`, () =>
              serializePayloadElement(convertRecord(record(bytes), keys, converter)),
            );
          } catch (error) {
            assert.ok(error instanceof ConversionError, `not a ConversionError: ${String(error)}`);
            assert.equal(error.context.offset, '5');
            assert.ok(error.message.length > 0);
          }
        }),
        fuzzParameters(format === 'avro' ? 1500 : 1000, {
          examples: format === 'avro' ? EXAMPLES : [],
        }),
      );
    });
  }

  it('refuses an Avro array of more empty items than any payload could hold, quickly', async () => {
    const converter = new SchemaRegistryConverter('avro', OPTIONS, registry);
    const bytes = framed(14, Buffer.concat([avroLong(2_000_000), Buffer.from([0])]));
    await converter.prepare([bytes], running);
    const error = withinMs(200, 'refusal', () => {
      try {
        converter.toConnectData(bytes);
      } catch (caught) {
        return caught;
      }
    });
    assert.ok(error instanceof ConversionError);
    assert.match(error.message, /cannot fit a Lambda payload/);
  });

  it('keeps an Avro map entry whose key is __proto__', async () => {
    const converter = new SchemaRegistryConverter('avro', OPTIONS, {
      ...registry,
      schemaById: async () => ({ schema: '{"type":"map","values":"int"}' }),
    } as unknown as SchemaRegistryClient);
    const key = Buffer.from('__proto__');
    // One block of one entry (key, value 2), then the empty block that ends the map.
    const entry = [avroLong(1), avroLong(key.length), key, avroLong(2), Buffer.from([0])];
    const bytes = framed(50, Buffer.concat(entry));
    await converter.prepare([bytes], running);
    assert.equal(JSON.stringify(converter.toConnectData(bytes)), '{"__proto__":2}');
  });
});
