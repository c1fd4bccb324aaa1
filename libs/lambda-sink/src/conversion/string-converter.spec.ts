import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StringConverter } from './string-converter';

describe('StringConverter', () => {
  const converter = new StringConverter();

  it('decodes the bytes as UTF-8', () => {
    assert.equal(converter.toConnectData(Buffer.from('héllo ☃ 😀', 'utf8')), 'héllo ☃ 😀');
  });

  it('keeps JSON-looking text as a string', () => {
    assert.equal(converter.toConnectData(Buffer.from('{"a":1}')), '{"a":1}');
  });

  it('converts null to null', () => {
    assert.equal(converter.toConnectData(null), null);
  });

  it('converts empty bytes to an empty string', () => {
    assert.equal(converter.toConnectData(Buffer.alloc(0)), '');
  });

  it('names the Connect class it stands in for', () => {
    assert.equal(converter.connectClass, 'org.apache.kafka.connect.storage.StringConverter');
  });
});
