import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SinkStatus, partitionStatusOf } from '../status/sink-status';
import { sinkReadiness } from './readiness';

/** A running sink with one joined task and two partitions. */
function joinedStatus(): SinkStatus {
  const status = new SinkStatus();
  const task = status.task(0);
  task.joinedGroup = true;
  task.state = 'RUNNING';
  partitionStatusOf(task, 'orders', 0);
  partitionStatusOf(task, 'orders', 1);
  return status;
}

describe('sinkReadiness', () => {
  it('is ready while a partition retries a transient Lambda error', () => {
    const status = joinedStatus();
    partitionStatusOf(status.task(0), 'orders', 0).retry = {
      offset: 3,
      attempts: 4,
      reason: 'TooManyRequestsException',
      since: 0,
      nextAttemptAt: 0,
    };
    assert.deepEqual(sinkReadiness(status, true, 'down'), { ready: true, reasons: [] });
  });

  it('is not ready before it runs and every task has joined its group', () => {
    assert.deepEqual(sinkReadiness(joinedStatus(), false, 'down').reasons, [
      'the sink is not running',
    ]);
    const status = joinedStatus();
    status.task(0).joinedGroup = false;
    assert.equal(sinkReadiness(status, true, 'down').ready, false);
    assert.equal(sinkReadiness(new SinkStatus(), true, 'down').ready, false);
  });

  it('is not ready while a task is FAILED, whatever readiness.failed.partitions says', () => {
    const status = joinedStatus();
    status.task(0).state = 'FAILED';
    assert.deepEqual(sinkReadiness(status, true, 'up').reasons, ['task 0 is FAILED']);
  });

  it('gates on FAILED partitions only with readiness.failed.partitions=down', () => {
    const status = joinedStatus();
    partitionStatusOf(status.task(0), 'orders', 1).state = 'FAILED';
    assert.deepEqual(sinkReadiness(status, true, 'down').reasons, ['partition orders-1 is FAILED']);
    assert.deepEqual(sinkReadiness(status, true, 'up'), { ready: true, reasons: [] });
  });
});
