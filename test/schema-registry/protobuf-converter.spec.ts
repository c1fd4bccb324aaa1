import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { schemaRegistryOptions } from '../../libs/lambda-sink/src/testing';
import type { PrepareControls } from '../../libs/lambda-sink/src/testing';
import { SchemaRegistryConverter } from '../../libs/lambda-sink/src/testing';
import { uniqueName } from '../support/kafka';
import {
  protobufBytes,
  protoField as f,
  protoFile,
  registryUrl,
  T,
} from '../support/schema-registry';

const running: PrepareControls = { shouldStop: () => false, signal: new AbortController().signal };

function protobufConverter(extra: Record<string, string> = {}) {
  const values = { 'value.converter.schema.registry.url': registryUrl, ...extra };
  return new SchemaRegistryConverter('protobuf', schemaRegistryOptions(values, 'value.converter.'));
}

async function read(converter: SchemaRegistryConverter, bytes: Buffer): Promise<unknown> {
  await converter.prepare([bytes], running);
  return converter.toConnectData(bytes);
}

const orderFile = protoFile({
  name: 'demo/order.proto',
  package: 'demo',
  dependency: ['google/protobuf/timestamp.proto'],
  messageType: [
    {
      name: 'Order',
      field: [
        f('id', 1, T.int64),
        f('name', 2, T.string),
        f('text', 3, T.string, { oneofIndex: 0 }),
        f('number', 4, T.int32, { oneofIndex: 0 }),
        f('at', 5, T.message, { typeName: '.google.protobuf.Timestamp' }),
        f('counts', 6, T.message, { repeated: true, typeName: '.demo.Order.CountsEntry' }),
        f('status', 7, T.enum, { typeName: '.demo.Status' }),
        f('inner', 8, T.message, { typeName: '.demo.Order.Inner' }),
        f('absent', 9, T.message, { typeName: '.demo.Order.Inner' }),
        f('tags', 10, T.string, { repeated: true }),
        f('raw', 11, T.bytes),
        f('ratio', 12, T.double),
        f('big', 13, T.uint64),
        f('unsetNumber', 14, T.int32),
        f('byId', 15, T.message, { repeated: true, typeName: '.demo.Order.ByIdEntry' }),
        f('maybe', 16, T.string, { oneofIndex: 1, proto3Optional: true }),
        f('flag', 17, T.bool),
      ],
      oneofDecl: [{ name: 'kind' }, { name: '_maybe' }],
      nestedType: [
        {
          name: 'CountsEntry',
          field: [f('key', 1, T.string), f('value', 2, T.int32)],
          options: { mapEntry: true },
        },
        {
          name: 'ByIdEntry',
          field: [f('key', 1, T.int32), f('value', 2, T.string)],
          options: { mapEntry: true },
        },
        { name: 'Inner', field: [f('x', 1, T.bool)] },
      ],
    },
    { name: 'Second', field: [f('s', 1, T.string)] },
  ],
  enumType: [
    {
      name: 'Status',
      value: [
        { name: 'NEW', number: 0 },
        { name: 'DONE', number: 1 },
      ],
    },
  ],
});

describe('ProtobufConverter against a real Schema Registry', () => {
  it('reads every Protobuf type as the Confluent connector writes it to Lambda', async () => {
    const bytes = await protobufBytes(uniqueName('proto'), orderFile, 'demo.Order', {
      id: 1_234_567_890_123n,
      name: 'n',
      kind: { case: 'number', value: 3 },
      at: timestampFromMs(1_700_000_000_123),
      counts: { a: 1, b: 2 },
      status: 1,
      inner: { x: true },
      tags: ['x', 'y'],
      raw: new Uint8Array([0, 1, 254, 255]),
      ratio: Number.POSITIVE_INFINITY,
      big: 18_446_744_073_709_551_615n,
      byId: { 7: 'seven' },
    });
    assert.deepEqual(await read(protobufConverter(), bytes), {
      id: 1_234_567_890_123,
      name: 'n',
      // A oneof is a struct named <oneof>_<index> (generate.index.for.unions, default true).
      kind_0: { text: null, number: 3 },
      // google.protobuf.Timestamp is Connect's Timestamp: epoch milliseconds.
      at: 1_700_000_000_123,
      counts: { a: 1, b: 2 },
      status: 'DONE',
      inner: { x: true },
      absent: null,
      tags: ['x', 'y'],
      raw: 'AAH+/w==',
      ratio: 'Infinity',
      // Connect has no unsigned 64-bit type: the bits read as a signed int64.
      big: -1,
      unsetNumber: 0,
      // A map whose keys are not strings: JsonConverter writes [key, value] pairs.
      byId: [[7, 'seven']],
      maybe: null,
      flag: false,
    });
  });

  it('reads the message the message indexes name, and oneofs without index when asked', async () => {
    const topic = uniqueName('proto');
    const second = await protobufBytes(topic, orderFile, 'demo.Second', { s: 'hi' });
    assert.deepEqual(await read(protobufConverter(), second), { s: 'hi' });

    const order = await protobufBytes(topic, orderFile, 'demo.Order', {
      kind: { case: 'text', value: 't' },
      maybe: 'm',
    });
    const converter = protobufConverter({ 'value.converter.generate.index.for.unions': 'false' });
    const value = (await read(converter, order)) as Record<string, unknown>;
    assert.deepEqual(value.kind, { text: 't', number: null });
    assert.equal(value.maybe, 'm');
    assert.equal(value.at, null);
  });
});
