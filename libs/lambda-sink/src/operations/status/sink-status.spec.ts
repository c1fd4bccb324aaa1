import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lagOf, type PartitionStatus } from './sink-status';

const partition = (fields: Partial<PartitionStatus>): PartitionStatus => ({
  topic: 't',
  partition: 0,
  state: 'RUNNING',
  ...fields,
});

describe('lagOf', () => {
  it('counts from the committed offset to the high watermark', () => {
    assert.equal(lagOf(partition({ committedOffset: 7, logStartOffset: 0, highWatermark: 10 })), 3);
  });

  it('counts from the log start when nothing is committed yet', () => {
    assert.equal(lagOf(partition({ logStartOffset: 4, highWatermark: 10 })), 6);
  });

  it('is unknown until the high watermark and a starting point have been seen', () => {
    assert.equal(lagOf(partition({ committedOffset: 3 })), undefined);
    assert.equal(lagOf(partition({ highWatermark: 3 })), undefined);
  });

  it('is never negative, even when a commit is newer than the watermark read', () => {
    assert.equal(lagOf(partition({ committedOffset: 12, highWatermark: 10 })), 0);
  });
});
