import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordsToRetry } from './retry-set';

// offset → key: a b a c b
const records = ['a', 'b', 'a', 'c', 'b'].map((key, offset) => ({ offset, key }));
const keyOf = (r: { key: string }) => r.key;
const offsets = (list: Array<{ offset: number }>) => list.map((r) => r.offset);

describe('the records a partial failure sends round again', () => {
  const failed = [records[1]]; // b@1

  it('with partition ordering: everything from the lowest failed offset on', () => {
    assert.deepEqual(offsets(recordsToRetry(records, failed, 'partition', keyOf)), [1, 2, 3, 4]);
  });

  it('with key ordering: the failed records and every later record of their keys', () => {
    assert.deepEqual(offsets(recordsToRetry(records, failed, 'key', keyOf)), [1, 4]);
    assert.deepEqual(
      offsets(recordsToRetry(records, [records[2], records[3]], 'key', keyOf)),
      [2, 3],
      'a@0 came before the failed a@2 and is not retried',
    );
  });

  it('without ordering: the failed records only', () => {
    assert.deepEqual(
      offsets(recordsToRetry(records, [records[3], records[1]], 'none', keyOf)),
      [1, 3],
    );
  });
});
