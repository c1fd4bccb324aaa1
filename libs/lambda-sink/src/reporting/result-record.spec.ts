import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildResultRecord } from './result-record';
import { convertedRecord } from './converted-record.fixture';
import { NULL_HEADERS_MARKER } from './reporter-headers';

describe('buildResultRecord', () => {
  const record = convertedRecord(101, {
    key: { id: 1 },
    headers: [{ h1: 'v1' }, { h1: 'v2' }],
  });
  record.original.key = Buffer.from('{"id":1}');
  record.original.headers = { h1: [Buffer.from('v1'), Buffer.from('v2')] };

  it('is keyed by the original key bytes', () => {
    assert.equal(buildResultRecord(record, 'r').key, record.original.key);
  });

  it('carries the original headers', () => {
    assert.deepEqual(buildResultRecord(record, 'r').headers, record.original.headers);
  });

  it('carries a null-valued header as an empty value named in the null-headers marker', () => {
    const withNull = convertedRecord(7, { headers: [{ trace: null }] });
    withNull.original.headers = { trace: null };
    const message = buildResultRecord(withNull, 'r');
    assert.deepEqual(message.headers, {
      trace: Buffer.alloc(0),
      [NULL_HEADERS_MARKER]: '{"trace":[0]}',
    });
    const value = JSON.parse(message.value as string) as { headers: unknown };
    assert.deepEqual(
      value.headers,
      [{ trace: null }],
      'and as null in the value, as Lambda saw it',
    );
  });

  it("has the Confluent connector's JSON value, fields in order", () => {
    const message = buildResultRecord(record, {
      body: 'Successfully executed Lambda!',
      status_code: 200,
    });
    assert.equal(
      message.value,
      '{"topic":"orders","partition":1,"offset":101,"timestamp":1562844607101,' +
        '"headers":[{"h1":"v1"},{"h1":"v2"}],"key":{"id":1},' +
        '"value":{"body":"Successfully executed Lambda!","status_code":200}}',
    );
  });

  it('keeps a null key and a null result explicit', () => {
    const keyless = convertedRecord(5, { key: null });
    keyless.original.key = null;
    const message = buildResultRecord(keyless, null);
    assert.equal(message.key, null);
    const value = JSON.parse(message.value as string) as Record<string, unknown>;
    assert.equal(value.key, null);
    assert.equal(value.value, null);
    assert.ok('value' in value);
  });

  it('writes an undefined result as null rather than dropping the field', () => {
    const value = JSON.parse(buildResultRecord(record, undefined).value as string) as Record<
      string,
      unknown
    >;
    assert.deepEqual(Object.keys(value), [
      'topic',
      'partition',
      'offset',
      'timestamp',
      'headers',
      'key',
      'value',
    ]);
    assert.equal(value.value, null);
  });
});
