import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ByteArrayConverter } from './byte-array-converter';

describe('ByteArrayConverter', () => {
  const converter = new ByteArrayConverter();

  it('encodes the bytes as base64', () => {
    const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f]);
    const converted = converter.toConnectData(bytes);
    assert.equal(converted, 'AP8QgH8=');
    assert.deepEqual(Buffer.from(converted as string, 'base64'), bytes);
  });

  it('converts null to null', () => {
    assert.equal(converter.toConnectData(null), null);
  });

  it('converts empty bytes to an empty string', () => {
    assert.equal(converter.toConnectData(Buffer.alloc(0)), '');
  });
});
