import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toConnectHeaders } from './connect-headers';

describe('toConnectHeaders', () => {
  it('gives one single-entry object per header, in record order', () => {
    const headers = { h1: Buffer.from('v1'), h2: Buffer.from('v2') };
    assert.deepEqual(toConnectHeaders(headers), [{ h1: 'v1' }, { h2: 'v2' }]);
  });

  it('decodes values as UTF-8', () => {
    assert.deepEqual(toConnectHeaders({ h: Buffer.from('ünï ☃ 😀', 'utf8') }), [{ h: 'ünï ☃ 😀' }]);
  });

  it('accepts string values', () => {
    assert.deepEqual(toConnectHeaders({ h: 'text' }), [{ h: 'text' }]);
  });

  it('unfolds a repeated header into one entry per value', () => {
    const headers = { a: [Buffer.from('1'), 'two'], b: Buffer.from('3') };
    assert.deepEqual(toConnectHeaders(headers), [{ a: '1' }, { a: 'two' }, { b: '3' }]);
  });

  it('gives a header without a value a null value', () => {
    assert.deepEqual(toConnectHeaders({ empty: undefined }), [{ empty: null }]);
  });

  it('gives an empty array for no headers', () => {
    assert.deepEqual(toConnectHeaders({}), []);
    assert.deepEqual(toConnectHeaders(undefined), []);
  });
});
