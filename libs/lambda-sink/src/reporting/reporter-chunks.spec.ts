import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chunkMessages, estimatedRecordBytes } from './reporter-chunks';

const sized = (bytes: number, tag = '') => ({ key: tag, value: 'x'.repeat(bytes) });

describe('chunkMessages', () => {
  it('keeps small messages in one request', () => {
    const messages = [sized(10), sized(20), sized(30)];
    assert.deepEqual(chunkMessages(messages, 1000), [messages]);
  });

  it('starts a new request before the estimate passes the limit, keeping the order', () => {
    const messages = Array.from({ length: 5 }, (_, i) => sized(400, `k${i}`));
    const chunks = chunkMessages(messages, 1000);
    assert.deepEqual(
      chunks.map((c) => c.map((m) => m.key)),
      [['k0', 'k1'], ['k2', 'k3'], ['k4']],
    );
  });

  it('gives a message larger than the limit a request of its own', () => {
    const chunks = chunkMessages([sized(10, 'a'), sized(5000, 'big'), sized(10, 'b')], 1000);
    assert.deepEqual(
      chunks.map((c) => c.map((m) => m.key)),
      [['a'], ['big'], ['b']],
    );
  });

  it('returns no request for no messages', () => {
    assert.deepEqual(chunkMessages([], 1000), []);
  });
});

describe('estimatedRecordBytes', () => {
  it('counts key, value and every header value in bytes, plus framing', () => {
    const bare = estimatedRecordBytes({ key: null, value: null });
    assert.ok(bare > 0);
    assert.equal(estimatedRecordBytes({ key: 'é', value: Buffer.alloc(10) }), bare + 2 + 10);
    const withHeaders = estimatedRecordBytes({
      key: null,
      value: null,
      headers: { h: ['ab', Buffer.alloc(3)], g: undefined },
    });
    assert.ok(withHeaders >= bare + 2 * 1 + 2 + 3 + 1, `headers counted (${withHeaders})`);
  });
});
