import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KafkaRecord } from '../conversion/kafka-record';
import { readFilterCriteria } from './filter-criteria';
import { RecordFilter, recordFilterOf } from './record-filter';

function filterFor(...patterns: unknown[]): RecordFilter {
  const { patterns: compiled, problems } = readFilterCriteria(
    JSON.stringify({ Filters: patterns.map((p) => ({ Pattern: JSON.stringify(p) })) }),
  );
  assert.deepEqual(problems, []);
  return new RecordFilter(compiled);
}

function record(
  value: string | Buffer | null,
  key: string | null = null,
  headers: KafkaRecord['headers'] = {},
): KafkaRecord {
  return {
    topic: 't',
    partition: 0,
    offset: '0',
    key: key === null ? null : Buffer.from(key),
    value: typeof value === 'string' ? Buffer.from(value) : value,
    headers,
    timestamp: '0',
  };
}

describe('RecordFilter', () => {
  it('matches a JSON value by its fields, as AWS filters JSON messages', () => {
    const filter = filterFor({ value: { device_ID: [{ prefix: 'AB' }] } });
    assert.equal(filter.matches(record('{"device_ID":"AB1234","session":{"duration":162}}')), true);
    assert.equal(filter.matches(record('{"device_ID":"XY1234"}')), false);
  });

  it('matches a plain-string value as a string, and never against a JSON pattern', () => {
    const notError = filterFor({ value: [{ 'anything-but': ['error'] }] });
    assert.equal(notError.matches(record('error')), false);
    assert.equal(notError.matches(record('all good')), true);
    // A JSON object is not a plain string: string rules do not match it.
    assert.equal(notError.matches(record('{"a":1}')), false);
    const jsonPattern = filterFor({ value: { a: [{ exists: true }] } });
    assert.equal(jsonPattern.matches(record('a=1')), false);
  });

  it('reads JSON primitives and broken JSON as plain strings', () => {
    const filter = filterFor({ value: ['42', '{"unclosed'] });
    assert.equal(filter.matches(record('42')), true);
    assert.equal(filter.matches(record('{"unclosed')), true);
  });

  it('does not match bytes that are not UTF-8 in any pattern that names the value', () => {
    const binary = record(Buffer.from([0xff, 0xfe, 0x00]));
    assert.equal(filterFor({ value: [{ exists: true }] }).matches(binary), false);
    assert.equal(filterFor({ value: [{ exists: false }] }).matches(binary), false);
    // A pattern that does not name the value does not read it.
    assert.equal(filterFor({ key: ['k'] }).matches({ ...binary, key: Buffer.from('k') }), true);
  });

  it('sees a tombstone as a record without a value', () => {
    assert.equal(filterFor({ value: [{ exists: false }] }).matches(record(null)), true);
    assert.equal(filterFor({ value: [{ exists: true }] }).matches(record(null)), false);
  });

  it('matches keys like values, and headers by name as UTF-8 text', () => {
    assert.equal(filterFor({ key: [{ prefix: 'eu-' }] }).matches(record('v', 'eu-1')), true);
    assert.equal(
      filterFor({ key: { region: ['eu'] } }).matches(record('v', '{"region":"eu"}')),
      true,
    );
    assert.equal(filterFor({ key: [{ exists: false }] }).matches(record('v', null)), true);
    const byHeader = filterFor({ headers: { type: ['order'] } });
    assert.equal(byHeader.matches(record('v', null, { type: Buffer.from('order') })), true);
    assert.equal(byHeader.matches(record('v', null, { type: [Buffer.from('x'), 'order'] })), true);
    assert.equal(byHeader.matches(record('v', null, { type: Buffer.from('refund') })), false);
    assert.equal(byHeader.matches(record('v', null, {})), false);
    const nullHeader = filterFor({ headers: { trace: [null] } });
    assert.equal(nullHeader.matches(record('v', null, { trace: null })), true);
    const protoHeader = filterFor({ headers: { ['__proto__']: ['x'] } });
    assert.equal(protoHeader.matches(record('v', null, { ['__proto__']: Buffer.from('x') })), true);
  });

  it('keeps a record any filter matches (filters are ORed)', () => {
    const filter = filterFor({ value: { kind: ['a'] } }, { value: { kind: ['b'] } });
    assert.equal(filter.matches(record('{"kind":"a"}')), true);
    assert.equal(filter.matches(record('{"kind":"b"}')), true);
    assert.equal(filter.matches(record('{"kind":"c"}')), false);
  });

  it('is absent when the criteria filter nothing', () => {
    assert.equal(recordFilterOf(undefined), undefined);
    assert.equal(recordFilterOf('{}'), undefined);
    assert.ok(recordFilterOf('{"value":["x"]}'));
  });
});
