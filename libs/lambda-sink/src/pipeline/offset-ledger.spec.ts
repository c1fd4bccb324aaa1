import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetLedger } from './offset-ledger';

describe('OffsetLedger', () => {
  it('commits only up to the lowest unfinished offset when work finishes out of order', () => {
    const ledger = new OffsetLedger();
    ledger.add([10, 11, 12, 15, 16]);
    ledger.finish([12, 15]);
    assert.equal(ledger.doneThrough(), undefined, 'offset 10 is not finished');
    assert.equal(ledger.lowestUnfinished(), 10);
    ledger.finish([10]);
    assert.equal(ledger.doneThrough(), 10);
    ledger.finish([11]);
    assert.equal(ledger.doneThrough(), 15, 'offsets 13-14 were never there (compaction)');
    assert.equal(ledger.lowestUnfinished(), 16);
    ledger.finish([16]);
    assert.equal(ledger.doneThrough(), 16);
    assert.equal(ledger.lowestUnfinished(), undefined);
  });

  it('refuses offsets that go backwards', () => {
    const ledger = new OffsetLedger();
    ledger.add([5]);
    assert.throws(() => ledger.add([5]), RangeError);
  });
});
