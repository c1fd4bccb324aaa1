import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FinishedAhead } from './finished-ahead';

describe('FinishedAhead', () => {
  it('remembers offsets finished past the commit point and forgets those it passed', () => {
    const ahead = new FinishedAhead();
    ahead.add([7, 9, 12]);
    assert.ok(ahead.has(9));
    assert.ok(!ahead.has(8));
    ahead.committedThrough(9);
    assert.ok(!ahead.has(7) && !ahead.has(9));
    assert.ok(ahead.has(12));
    assert.equal(ahead.size, 1);
  });
});
