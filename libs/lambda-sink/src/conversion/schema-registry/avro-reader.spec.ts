import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as avro from 'avsc';
import { avroReader } from './avro-reader';

describe('avroReader', () => {
  it('reads a long past 2^53 as the nearest number instead of failing the record', () => {
    const schema = { schema: '"long"' };
    const reader = avroReader(schema, [], { enhancedSchemaSupport: false }, 1);
    // zigzag varint of 2^62 as Java writes it; avsc itself refuses to write it.
    const bytes = Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    assert.equal(reader.read(bytes), 2 ** 62);
  });

  it('ignores trailing bytes, as Confluent deserializers do, but not missing ones', () => {
    const type = avro.Type.forSchema({
      type: 'record',
      name: 'R',
      fields: [{ name: 'a', type: 'string' }],
    });
    const reader = avroReader(
      { schema: JSON.stringify(type.schema()) },
      [],
      { enhancedSchemaSupport: false },
      2,
    );
    const data = type.toBuffer({ a: 'x' });
    assert.deepEqual(reader.read(Buffer.concat([data, Buffer.from([1, 2])])), { a: 'x' });
    assert.throws(() => reader.read(data.subarray(0, 1)), /id 2: the data is truncated/);
  });
});
