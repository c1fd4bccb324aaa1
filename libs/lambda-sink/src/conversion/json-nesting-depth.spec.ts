import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonNestingDepth } from './json-nesting-depth';

const depthOf = (text: string, limit?: number) => jsonNestingDepth(Buffer.from(text), limit);

describe('jsonNestingDepth', () => {
  it('counts arrays and objects alike', () => {
    assert.equal(depthOf('42'), 0);
    assert.equal(depthOf('[1,{"a":[{}]}]'), 4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    assert.equal(depthOf('["[[[{", "\\"[[", "\\\\"]'), 1);
  });

  it('stops counting one past the limit', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.equal(depthOf(deep, 1000), 1001);
  });

  it('counts unbalanced text as far as it goes', () => {
    assert.equal(depthOf('[[[', 1000), 3);
  });
});
