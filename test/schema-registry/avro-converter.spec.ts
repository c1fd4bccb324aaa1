import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { schemaRegistryOptions } from '../../libs/lambda-sink/src/testing';
import type { PrepareControls } from '../../libs/lambda-sink/src/testing';
import { SchemaRegistryConverter } from '../../libs/lambda-sink/src/testing';
import { uniqueName } from '../support/kafka';
import { avroBytes, avroBytesOfLatest, registryUrl } from '../support/schema-registry';

const running: PrepareControls = { shouldStop: () => false, signal: new AbortController().signal };

function avroConverter(extra: Record<string, string> = {}) {
  const values = { 'value.converter.schema.registry.url': registryUrl, ...extra };
  return new SchemaRegistryConverter('avro', schemaRegistryOptions(values, 'value.converter.'));
}

async function read(converter: SchemaRegistryConverter, bytes: Buffer): Promise<unknown> {
  await converter.prepare([bytes], running);
  return converter.toConnectData(bytes);
}

const inner = { type: 'record', name: 'Inner', fields: [{ name: 'x', type: 'int' }] };
const order = {
  type: 'record',
  name: 'Order',
  namespace: 'demo',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'nick', type: ['null', 'string'], default: null },
    { name: 'missing', type: ['null', 'string'], default: null },
    { name: 'choice', type: ['int', 'string', inner] },
    { name: 'maybe', type: ['null', 'int', 'string'], default: null },
    { name: 'raw', type: 'bytes' },
    { name: 'four', type: { type: 'fixed', name: 'Four', size: 4 } },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
    {
      name: 'padded',
      type: {
        type: 'fixed',
        name: 'Money',
        size: 8,
        logicalType: 'decimal',
        precision: 18,
        scale: 2,
      },
    },
    { name: 'negative', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'atMicros', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'clock', type: { type: 'int', logicalType: 'time-millis' } },
    { name: 'uuid', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'DONE'] } },
    { name: 'counts', type: { type: 'map', values: 'int' } },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'ratio', type: 'float' },
    { name: 'weird', type: 'double' },
    { name: 'flag', type: 'boolean' },
    { name: 'nested', type: 'Inner' },
  ],
};

const orderValue = {
  id: 1_234_567_890_123,
  nick: { string: 'bob' },
  missing: null,
  choice: { string: 'text' },
  maybe: { int: 7 },
  raw: Buffer.from([0, 1, 254, 255]),
  four: Buffer.from('abcd'),
  amount: Buffer.from([0x30, 0x39]),
  padded: Buffer.from([0, 0, 0, 0, 0, 0, 0x30, 0x39]),
  negative: Buffer.from([0xff, 0xff, 0x85]),
  day: 19_000,
  at: 1_700_000_000_123,
  atMicros: 1_700_000_000_123_456,
  clock: 3_600_000,
  uuid: '4c0e1a5e-3b0c-4bd5-9b8a-2f1c5e0d9a10',
  status: 'DONE',
  counts: { a: 1, b: 2 },
  tags: ['x', 'y'],
  ratio: 0.5,
  weird: Number.NaN,
  flag: true,
  nested: { x: 3 },
};

describe('AvroConverter against a real Schema Registry', () => {
  it('reads every Avro type as the Confluent connector writes it to Lambda', async () => {
    const bytes = await avroBytes(uniqueName('avro'), order, orderValue);
    assert.deepEqual(await read(avroConverter(), bytes), {
      id: 1_234_567_890_123,
      nick: 'bob',
      missing: null,
      // A union other than [null, X] is a struct with one field per branch, all but one null.
      choice: { int: null, string: 'text', Inner: null },
      maybe: { int: 7, string: null },
      raw: 'AAH+/w==',
      four: 'YWJjZA==',
      // Decimals: JsonConverter's default decimal.format=BASE64 of the minimal unscaled bytes.
      amount: 'MDk=',
      padded: 'MDk=',
      negative: 'hQ==', // -1.23: the unscaled -123 in one byte
      day: 19_000,
      at: 1_700_000_000_123,
      atMicros: 1_700_000_000_123_456,
      clock: 3_600_000,
      uuid: '4c0e1a5e-3b0c-4bd5-9b8a-2f1c5e0d9a10',
      status: 'DONE',
      counts: { a: 1, b: 2 },
      tags: ['x', 'y'],
      ratio: 0.5,
      weird: 'NaN',
      flag: true,
      nested: { x: 3 },
    });
  });

  it('names union branches by full name with enhanced.avro.schema.support', async () => {
    const bytes = await avroBytes(uniqueName('avro'), order, {
      ...orderValue,
      choice: { 'demo.Inner': { x: 1 } },
    });
    const converter = avroConverter({ 'value.converter.enhanced.avro.schema.support': 'true' });
    const value = (await read(converter, bytes)) as Record<string, unknown>;
    assert.deepEqual(value.choice, { int: null, string: null, 'demo.Inner': { x: 1 } });
  });

  it('reads a primitive schema (a string key) as the bare value', async () => {
    const bytes = await avroBytes(uniqueName('avro'), '"string"', 'key-1', 'key');
    assert.equal(await read(avroConverter(), bytes), 'key-1');
  });

  it('reads a schema that references another subject', async () => {
    const topic = uniqueName('avro-ref');
    // Register the referenced type, then a schema naming it.
    await avroBytes(`${topic}-inner`, inner, { x: 1 });
    const outer = {
      type: 'record',
      name: 'Outer',
      fields: [{ name: 'inner', type: 'Inner' }],
    };
    const response = await fetch(`${registryUrl}/subjects/${topic}-value/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({
        schema: JSON.stringify(outer),
        references: [{ name: 'Inner', subject: `${topic}-inner-value`, version: 1 }],
      }),
    });
    assert.equal(response.status, 200, await response.clone().text());
    // The serializer uses the latest version, the one with the reference.
    const bytes = await avroBytesOfLatest(topic, { inner: { x: 5 } });
    const { id } = (await response.json()) as { id: number };
    assert.equal(bytes.readInt32BE(1), id);
    assert.deepEqual(await read(avroConverter(), bytes), { inner: { x: 5 } });
  });
});
