import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFraming, readMessageIndexes, schemaIdOf } from './wire-format';

describe('Confluent wire format', () => {
  it('reads the schema id after the magic byte', () => {
    const bytes = Buffer.from([0, 0, 0, 1, 2, 9, 9]);
    assert.deepEqual(readFraming(bytes), { schemaId: 258, data: Buffer.from([9, 9]) });
    assert.equal(schemaIdOf(bytes), 258);
  });

  it('finds no framing without the magic byte or with fewer than five bytes', () => {
    assert.equal(readFraming(Buffer.from('{"json":1}')), undefined);
    assert.equal(readFraming(Buffer.from([0, 0, 0, 1])), undefined);
    assert.equal(schemaIdOf(null), undefined);
  });

  it('reads Protobuf message indexes: 0 for the first message, else count and zigzag indexes', () => {
    assert.deepEqual(readMessageIndexes(Buffer.from([0, 8, 1])), {
      indexes: [0],
      data: Buffer.from([8, 1]),
    });
    // count 2 (zigzag 4), indexes 1 (2) and 3 (6)
    assert.deepEqual(readMessageIndexes(Buffer.from([4, 2, 6, 0x0a])), {
      indexes: [1, 3],
      data: Buffer.from([0x0a]),
    });
    assert.deepEqual(readMessageIndexes(Buffer.from([2, 0x80, 0x01])), {
      indexes: [64],
      data: Buffer.alloc(0),
    });
  });

  it('rejects truncated or negative message indexes', () => {
    assert.equal(readMessageIndexes(Buffer.from([4, 2])), undefined);
    assert.equal(readMessageIndexes(Buffer.from([2, 1])), undefined);
    assert.equal(readMessageIndexes(Buffer.from([0x80])), undefined);
  });
});
