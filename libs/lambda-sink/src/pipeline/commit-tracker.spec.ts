import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SinkMetrics } from '../operations/metrics/sink-metrics';
import type { PartitionStatus } from '../operations/status/sink-status';
import { CommitTracker } from './commit-tracker';
import type { PartitionControls } from './partition-controls';

function harness(answer: (next: number) => boolean = () => true) {
  const commits: number[] = [];
  const resolved: number[] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const controls: PartitionControls = {
    partitionName: 'orders-0',
    resolveOffset: (o) => resolved.push(o),
    commit: async (next) => {
      await gate;
      commits.push(next);
      return answer(next);
    },
    pause: () => undefined,
    retryAt: () => undefined,
    shouldStop: () => false,
    signal: new AbortController().signal,
  };
  const status: PartitionStatus = { topic: 't', partition: 0, state: 'RUNNING' };
  const tracker = new CommitTracker(controls, status, new SinkMetrics());
  return {
    tracker,
    status,
    commits,
    resolved,
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
  };
}

describe('CommitTracker', () => {
  it('resolves every finished offset at once and commits the next offset', async () => {
    const h = harness();
    h.tracker.done(4);
    assert.deepEqual(h.resolved, [4]);
    await h.tracker.finish('done');
    assert.deepEqual(h.commits, [5]);
    assert.equal(h.status.committedOffset, 5);
  });

  it('coalesces offsets finished while a commit is in flight into one later commit', async () => {
    const h = harness();
    h.hold();
    h.tracker.done(0);
    h.tracker.done(1);
    h.tracker.done(2);
    h.release();
    const outcome = await h.tracker.finish('completed');
    assert.equal(outcome, 'completed');
    assert.deepEqual(h.commits, [1, 3], 'the first commit, then one for everything after it');
    assert.equal(h.status.committedOffset, 3);
  });

  it('finish commits what is left without waiting for the commit gap', async () => {
    const h = harness();
    h.tracker.done(0);
    await new Promise((r) => setImmediate(r));
    h.tracker.done(9);
    const started = Date.now();
    await h.tracker.finish('x');
    assert.ok(Date.now() - started < 90, 'did not wait out the 100 ms gap');
    assert.deepEqual(h.commits, [1, 10]);
  });

  it('stops committing once the group refused a commit, and never records it as committed', async () => {
    const h = harness(() => false);
    h.tracker.done(3);
    await h.tracker.finish('x');
    h.tracker.done(7);
    await h.tracker.finish('x');
    assert.deepEqual(h.commits, [4]);
    assert.equal(h.status.committedOffset, undefined);
  });
});
