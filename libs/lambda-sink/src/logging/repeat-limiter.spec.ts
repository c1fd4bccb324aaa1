import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RepeatLimiter } from './repeat-limiter';

describe('RepeatLimiter', () => {
  it('lets a message through once per window and counts the repeats it held back', () => {
    let now = 0;
    const limiter = new RepeatLimiter(30_000, () => now);
    const admitted: number[] = [];
    // Three crashes a second for a minute.
    for (let i = 0; i < 180; i++, now += 333) {
      const verdict = limiter.admit('consumer crashed: topic gone');
      if (verdict) admitted.push(verdict.repeatsHeld);
    }
    assert.deepEqual(admitted, [0, 90]);
  });

  it('does not hold back a different message', () => {
    const limiter = new RepeatLimiter(30_000, () => 0);
    assert.ok(limiter.admit('a'));
    assert.ok(limiter.admit('b'));
    assert.equal(limiter.admit('a'), undefined);
  });
});
