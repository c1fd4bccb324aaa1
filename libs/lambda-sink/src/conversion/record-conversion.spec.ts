import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ByteArrayConverter } from './byte-array-converter';
import { ConversionError } from './conversion-error';
import { JsonConverter } from './json-converter';
import { convertRecord } from './record-conversion';
import { StringConverter } from './string-converter';
import type { KafkaRecord } from './kafka-record';

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

const string = new StringConverter();
const json = new JsonConverter(false);

describe('convertRecord', () => {
  it('converts key and value and turns offset and timestamp into numbers', () => {
    const record = kafkaRecord({
      key: Buffer.from('"k"'),
      value: Buffer.from('{"n":1}'),
      headers: { h1: Buffer.from('v1') },
    });
    const converted = convertRecord(record, string, json);
    assert.deepEqual(converted, {
      topic: 'orders',
      partition: 1,
      offset: 101,
      key: '"k"',
      value: { n: 1 },
      headers: [{ h1: 'v1' }],
      timestamp: 1562844607000,
      original: record,
    });
    assert.equal(converted.original, record);
  });

  it('uses each converter for its own part', () => {
    const record = kafkaRecord({ key: Buffer.from([1, 2, 3]), value: Buffer.from('text') });
    const converted = convertRecord(record, new ByteArrayConverter(), string);
    assert.equal(converted.key, 'AQID');
    assert.equal(converted.value, 'text');
  });

  it('delivers tombstones and missing keys as null', () => {
    const converted = convertRecord(kafkaRecord({ key: null, value: null }), json, json);
    assert.equal(converted.key, null);
    assert.equal(converted.value, null);
  });

  it('names the record and the value when the value cannot be read', () => {
    const record = kafkaRecord({ key: Buffer.from('1'), value: Buffer.from('not json') });
    assert.throws(
      () => convertRecord(record, json, json),
      (error: unknown) => {
        assert.ok(error instanceof ConversionError);
        assert.equal(error.code, 'CONVERSION_FAILED');
        assert.equal(error.retryable, false);
        assert.deepEqual(
          { ...error.context },
          {
            topic: 'orders',
            partition: 1,
            offset: '101',
            part: 'value',
            converterClass: 'org.apache.kafka.connect.json.JsonConverter',
          },
        );
        assert.match(
          error.message,
          /^value converter org\.apache\.kafka\.connect\.json\.JsonConverter/,
        );
        assert.ok(error.cause instanceof ConversionError);
        return true;
      },
    );
  });

  it('says where the record is and where in it the problem is, never what it holds', () => {
    const record = kafkaRecord({ value: Buffer.from('ssn=123-45-6789') });
    assert.throws(
      () => convertRecord(record, string, json),
      (error: unknown) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, /at orders-1@101: .*at line 1, column 1$/);
        for (const text of [error.message, String(error.stack), String(error.cause)]) {
          assert.doesNotMatch(text, /ssn|123-45/);
        }
        return true;
      },
    );
  });

  it('names the key when the key cannot be read', () => {
    const record = kafkaRecord({ key: Buffer.from('{'), value: Buffer.from('1') });
    assert.throws(
      () => convertRecord(record, json, json),
      (error: unknown) => error instanceof ConversionError && error.context.part === 'key',
    );
  });
});
