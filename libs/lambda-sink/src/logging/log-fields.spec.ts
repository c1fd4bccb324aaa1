import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withFields } from './log-fields';

describe('withFields', () => {
  it('carries the coordinates as fields beside msg, and reads as its text', () => {
    const line = withFields('orders-3@40-49: retrying', {
      topic: 'orders',
      partition: 3,
      offsets: '40-49',
      function: undefined,
    });
    assert.deepEqual(JSON.parse(JSON.stringify(line)), {
      msg: 'orders-3@40-49: retrying',
      topic: 'orders',
      partition: 3,
      offsets: '40-49',
    });
    assert.equal(String(line), 'orders-3@40-49: retrying');
  });
});
