import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NULL_HEADERS_MARKER, producibleHeaders } from './reporter-headers';

describe('producibleHeaders', () => {
  it('passes headers without null values through unchanged and unmarked', () => {
    const headers = { trace: Buffer.from('abc'), tags: [Buffer.from('a'), 'b'] };
    assert.deepEqual(producibleHeaders(headers), headers);
  });

  it('writes a null value as an empty one and names it in the marker', () => {
    const headers = producibleHeaders({ trace: null, kept: Buffer.from('v') });
    assert.deepEqual(headers.trace, Buffer.alloc(0));
    assert.deepEqual(headers.kept, Buffer.from('v'));
    assert.deepEqual(JSON.parse(String(headers[NULL_HEADERS_MARKER])), { trace: [0] });
  });

  it("marks which occurrences of a repeated header were null, keeping the others' order", () => {
    const headers = producibleHeaders({ tag: [Buffer.from('a'), null, Buffer.from('c'), null] });
    assert.deepEqual(headers.tag, [
      Buffer.from('a'),
      Buffer.alloc(0),
      Buffer.from('c'),
      Buffer.alloc(0),
    ]);
    assert.deepEqual(JSON.parse(String(headers[NULL_HEADERS_MARKER])), { tag: [1, 3] });
  });

  it('treats an undefined value like null', () => {
    const headers = producibleHeaders({ gone: undefined });
    assert.deepEqual(headers.gone, Buffer.alloc(0));
    assert.deepEqual(JSON.parse(String(headers[NULL_HEADERS_MARKER])), { gone: [0] });
  });

  it('keeps a marker the record already carried when it has no nulls of its own, and replaces it when it has', () => {
    const earlier = { [NULL_HEADERS_MARKER]: '{"old":[0]}', old: Buffer.alloc(0) };
    assert.equal(producibleHeaders(earlier)[NULL_HEADERS_MARKER], '{"old":[0]}');
    const again = producibleHeaders({ ...earlier, fresh: null });
    assert.deepEqual(JSON.parse(String(again[NULL_HEADERS_MARKER])), { fresh: [0] });
  });

  it('leaves the consumed headers untouched', () => {
    const consumed = { trace: null };
    producibleHeaders(consumed);
    assert.deepEqual(consumed, { trace: null });
  });
});
