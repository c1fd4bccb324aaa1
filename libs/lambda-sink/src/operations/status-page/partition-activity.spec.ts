import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PartitionActivity } from './partition-activity';

const counts = (records: number, invocations: number) => [
  { topic: 't', partition: 0, records, invocations },
];

describe('partition activity for the status page', () => {
  it('turns cumulative counts into per-second rates over the window', () => {
    const activity = new PartitionActivity(10_000);
    activity.sample(0, counts(0, 0));
    activity.sample(2000, counts(20, 2));
    activity.sample(4000, counts(20, 2));
    assert.deepEqual(activity.rates('t', 0), {
      recordsPerSecond: [10, 0],
      invocationsPerSecond: [1, 0],
    });
    assert.deepEqual(activity.rates('t', 1).recordsPerSecond, [0, 0]);
  });

  it('keeps only the last window of samples', () => {
    const activity = new PartitionActivity(10_000);
    for (let at = 0; at <= 30_000; at += 2000) activity.sample(at, counts(at, 0));
    assert.equal(activity.rates('t', 0).recordsPerSecond.length, 5);
  });

  it('remembers the last error and when it first appeared', () => {
    const activity = new PartitionActivity();
    activity.observeError('t-0', 'boom', 1000);
    activity.observeError('t-0', 'boom', 2000);
    activity.observeError('t-0', undefined, 3000);
    assert.deepEqual(activity.lastError('t-0'), { message: 'boom', at: 1000 });
    activity.observeError('t-0', 'other', 4000);
    assert.deepEqual(activity.lastError('t-0'), { message: 'other', at: 4000 });
  });
});
