import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConversionError } from '../conversion/conversion-error';
import { convertedRecord } from '../reporting/converted-record.fixture';
import { serializePayloadElement, SINK_CONNECTOR_CLASS, toPayloadElement } from './lambda-payload';
import { JsonConverter } from '../conversion/json-converter';
import { convertRecord } from '../conversion/record-conversion';
import { StringConverter } from '../conversion/string-converter';
import type { KafkaRecord } from '../conversion/kafka-record';

/** A consumed record as kafkajs delivers it, for specs; override any field. */
function kafkaRecord(overrides: Partial<KafkaRecord> = {}): KafkaRecord {
  return {
    topic: 'orders',
    partition: 1,
    offset: '101',
    key: Buffer.from('k1'),
    value: Buffer.from('v1'),
    headers: {},
    timestamp: '1562844607000',
    ...overrides,
  };
}

describe('toPayloadElement', () => {
  const record = kafkaRecord({
    value: Buffer.from('{"amount":3}'),
    headers: { h1: Buffer.from('v1'), h2: [Buffer.from('a'), Buffer.from('b')] },
  });
  const element = toPayloadElement(
    convertRecord(record, new StringConverter(), new JsonConverter(false)),
  );

  it("serializes to the Confluent connector's exact JSON, key order included", () => {
    assert.equal(
      JSON.stringify(element),
      '{"payload":{"topic":"orders","partition":1,"offset":101,"key":"k1","value":{"amount":3},' +
        '"headers":[{"h1":"v1"},{"h2":"a"},{"h2":"b"}],"timestamp":1562844607000}}',
    );
  });

  it('has only the payload field, and the payload only its seven fields', () => {
    assert.deepEqual(Object.keys(element), ['payload']);
    assert.deepEqual(Object.keys(element.payload), [
      'topic',
      'partition',
      'offset',
      'key',
      'value',
      'headers',
      'timestamp',
    ]);
  });

  it('keeps null key and value as explicit nulls', () => {
    const tombstone = convertRecord(
      kafkaRecord({ key: null, value: null }),
      new StringConverter(),
      new StringConverter(),
    );
    const json = JSON.stringify(toPayloadElement(tombstone));
    assert.match(json, /"key":null,"value":null/);
  });
});

describe('serializePayloadElement', () => {
  it('serializes the element and measures its UTF-8 bytes', () => {
    const { json, bytes } = serializePayloadElement(convertedRecord(3, { value: 'é' }));
    assert.equal(JSON.parse(json).payload.value, 'é');
    assert.equal(bytes, Buffer.byteLength(json));
  });

  it('turns a value JSON.stringify cannot write into a conversion error for that record', () => {
    // Whatever a converter lets through: nested far deeper than the stack allows to serialize.
    let value: unknown = null;
    for (let i = 0; i < 200_000; i++) value = [value];
    assert.throws(
      () => serializePayloadElement(convertedRecord(7, { value })),
      (error: Error) => {
        assert.ok(error instanceof ConversionError);
        assert.equal(error.context.offset, '7');
        assert.equal(error.context.part, undefined);
        assert.equal(error.context.converterClass, SINK_CONNECTOR_CLASS);
        assert.match(error.message, /orders-1@7.*RangeError/);
        return true;
      },
    );
  });
});
