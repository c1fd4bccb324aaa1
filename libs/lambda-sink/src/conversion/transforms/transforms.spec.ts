import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TransformSpec } from '../../config/lambda-sink-options';
import { createTransformSteps } from './transform-chain';
import type { TransformRecord } from './transform';

const T = 'org.apache.kafka.connect.transforms.';

const record = (overrides: Partial<TransformRecord> = {}): TransformRecord => ({
  topic: 'orders',
  partition: 2,
  offset: 41,
  timestamp: 1_700_000_000_123,
  key: 'k1',
  value: { id: 7, name: 'n', card: '4111', nested: { a: 1, b: { c: true } }, tags: ['x'] },
  headers: [{ h1: 'v1' }],
  ...overrides,
});

function run(
  type: string,
  config: Record<string, string>,
  input = record(),
  predicate?: TransformSpec['predicate'],
  negate = false,
): TransformRecord | null {
  const [step] = createTransformSteps([{ alias: 't', type: T + type, config, predicate, negate }]);
  return step.apply(input);
}

describe('Single Message Transforms (schemaless, as Kafka documents them)', () => {
  it('InsertField adds the coordinates, the timestamp and a static value', () => {
    const out = run('InsertField$Value', {
      'topic.field': 'src_topic',
      'partition.field': 'src_partition!',
      'offset.field': 'src_offset?',
      'timestamp.field': 'ts',
      'static.field': 'origin',
      'static.value': 'kafka',
    });
    assert.deepEqual(out?.value, {
      ...(record().value as object),
      src_topic: 'orders',
      src_partition: 2,
      src_offset: 41,
      ts: 1_700_000_000_123,
      origin: 'kafka',
    });
    assert.equal(
      run('InsertField$Value', { 'topic.field': 't' }, record({ value: null }))?.value,
      null,
    );
    assert.throws(
      () => run('InsertField$Key', { 'topic.field': 't' }),
      /Only Map objects supported in absence of schema for \[field insertion\], found: string/,
    );
  });

  it('ReplaceField includes, excludes and renames', () => {
    assert.deepEqual(
      run('ReplaceField$Value', { include: 'id,name', renames: 'name:title' })?.value,
      {
        id: 7,
        title: 'n',
      },
    );
    assert.deepEqual(
      Object.keys(run('ReplaceField$Value', { exclude: 'card,nested,tags' })?.value as object),
      ['id', 'name'],
    );
  });

  it('MaskField empties fields by type, or puts the replacement', () => {
    const masked = run('MaskField$Value', { fields: 'card,id,nested,tags' })?.value;
    assert.deepEqual(masked, { id: 0, name: 'n', card: '', nested: {}, tags: [] });
    assert.deepEqual(run('MaskField$Value', { fields: 'card', replacement: '****' })?.value, {
      ...(record().value as object),
      card: '****',
    });
  });

  it('ExtractField, HoistField and ValueToKey reshape key and value', () => {
    assert.equal(run('ExtractField$Value', { field: 'name' })?.value, 'n');
    assert.equal(
      run('ExtractField$Value', { field: 'nested.b.c', 'field.syntax.version': 'V2' })?.value,
      true,
    );
    assert.deepEqual(run('HoistField$Key', { field: 'id' })?.key, { id: 'k1' });
    assert.deepEqual(run('ValueToKey', { fields: 'id,name' })?.key, { id: 7, name: 'n' });
    assert.throws(
      () => run('ValueToKey', { fields: 'id' }, record({ value: null })),
      /found: null/,
    );
  });

  it('Flatten joins nested field names with the delimiter, keeping arrays', () => {
    assert.deepEqual(run('Flatten$Value', { delimiter: '_' })?.value, {
      id: 7,
      name: 'n',
      card: '4111',
      nested_a: 1,
      nested_b_c: true,
      tags: ['x'],
    });
  });

  it('Cast converts fields or the whole value, wrapping integers as Java does', () => {
    assert.deepEqual(run('Cast$Value', { spec: 'id:string,card:int64' })?.value, {
      ...(record().value as object),
      id: '7',
      card: 4111,
    });
    assert.equal(run('Cast$Value', { spec: 'int8' }, record({ value: 300 }))?.value, 44);
    assert.equal(run('Cast$Value', { spec: 'boolean' }, record({ value: 0 }))?.value, false);
    assert.throws(
      () => run('Cast$Value', { spec: 'int32' }, record({ value: 'x1' })),
      /cannot be cast/,
    );
    assert.throws(() => run('Cast$Value', { spec: 'id:decimal' }), /type decimal is not one of/);
  });

  it('TimestampConverter reads unix numbers and patterns and writes any target', () => {
    const ms = Date.UTC(2024, 2, 1, 13, 4, 5, 6);
    const at = (value: unknown) => record({ value: { at: value } });
    const convert = (config: Record<string, string>, value: unknown) =>
      (
        run('TimestampConverter$Value', { field: 'at', ...config }, at(value))?.value as {
          at: unknown;
        }
      ).at;
    assert.equal(
      convert({ 'target.type': 'string', format: "yyyy-MM-dd'T'HH:mm:ss.SSSX" }, ms),
      '2024-03-01T13:04:05.006Z',
    );
    assert.equal(
      convert({ 'target.type': 'Timestamp', format: 'yyyy-MM-dd HH:mm' }, '2024-03-01 13:04'),
      Date.UTC(2024, 2, 1, 13, 4),
    );
    // unix.precision reads and writes unix numbers: here seconds out of a pattern.
    assert.equal(
      convert(
        { 'target.type': 'unix', 'unix.precision': 'seconds', format: 'yyyy-MM-dd HH:mm' },
        '2024-03-01 13:04',
      ),
      Date.UTC(2024, 2, 1, 13, 4) / 1000,
    );
    assert.equal(convert({ 'target.type': 'Date' }, ms), Date.UTC(2024, 2, 1));
    assert.equal(convert({ 'target.type': 'Time' }, ms), ((13 * 60 + 4) * 60 + 5) * 1000 + 6);
    assert.equal(
      run(
        'TimestampConverter$Value',
        { 'target.type': 'Timestamp', 'unix.precision': 'microseconds' },
        record({ value: 1_000_000 }),
      )?.value,
      1000,
    );
    assert.throws(() => convert({ 'target.type': 'Timestamp' }, 'yesterday'), /requires format/);
  });

  it('InsertHeader, DropHeaders and HeaderFrom edit the headers', () => {
    assert.deepEqual(run('InsertHeader', { header: 'src', 'value.literal': 'lambda' })?.headers, [
      { h1: 'v1' },
      { src: 'lambda' },
    ]);
    assert.deepEqual(run('DropHeaders', { headers: 'h1' })?.headers, []);
    const moved = run('HeaderFrom$Value', {
      fields: 'id,nested',
      headers: 'x-id,x-nested',
      operation: 'move',
    });
    assert.deepEqual(moved?.headers, [
      { h1: 'v1' },
      { 'x-id': '7' },
      { 'x-nested': '{"a":1,"b":{"c":true}}' },
    ]);
    assert.deepEqual(Object.keys(moved?.value as object), ['name', 'card', 'tags']);
  });

  it('Filter drops records where its predicate holds, or does not with negate', () => {
    const tombstone = { alias: 'p', type: `${T}predicates.RecordIsTombstone`, config: {} };
    assert.equal(run('Filter', {}, record({ value: null }), tombstone), null);
    assert.notEqual(run('Filter', {}, record(), tombstone), null);
    assert.equal(run('Filter', {}, record(), tombstone, true), null);
    const topics = {
      alias: 'p',
      type: `${T}predicates.TopicNameMatches`,
      config: { pattern: 'ord.*' },
    };
    assert.equal(run('Filter', {}, record(), topics), null);
    assert.notEqual(run('Filter', {}, record({ topic: 'xorders' }), topics), null);
    const header = { alias: 'p', type: `${T}predicates.HasHeaderKey`, config: { name: 'h1' } };
    assert.equal(run('Filter', {}, record(), header), null);
    assert.notEqual(run('Filter', {}, record({ headers: [] }), header), null);
  });
});
