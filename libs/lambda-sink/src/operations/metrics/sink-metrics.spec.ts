import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SinkStatus, partitionStatusOf } from '../status/sink-status';
import { SinkMetrics } from './sink-metrics';

/** The value of one series in the Prometheus text, or undefined when it is not exported. */
async function sample(metrics: SinkMetrics, series: string): Promise<number | undefined> {
  const text = await metrics.registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('SinkMetrics', () => {
  it('exports process metrics: RSS, heap, event-loop lag and GC', async () => {
    const text = await new SinkMetrics().registry.metrics();
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
    ]) {
      assert.match(text, new RegExp(`^# TYPE ${name} `, 'm'), name);
    }
    const without = await new SinkMetrics({ processMetrics: false }).registry.metrics();
    assert.doesNotMatch(without, /process_resident_memory_bytes/);
  });

  it('shows each partition’s state as a state set read from the status', async () => {
    const metrics = new SinkMetrics({ processMetrics: false });
    const status = new SinkStatus();
    const task = status.task(0);
    metrics.watchTask(task);
    partitionStatusOf(task, 'orders', 0);
    const failed = partitionStatusOf(task, 'orders', 1);
    failed.state = 'FAILED';
    const retrying = partitionStatusOf(task, 'orders', 2);
    retrying.retry = { offset: 5, attempts: 2, reason: 'throttled', since: 0, nextAttemptAt: 0 };

    const state = (partition: number, s: string) =>
      sample(
        metrics,
        `lambda_sink_partition_state{topic="orders",partition="${partition}",state="${s}"}`,
      );
    assert.equal(await state(0, 'RUNNING'), 1);
    assert.equal(await state(0, 'FAILED'), 0);
    assert.equal(await state(1, 'FAILED'), 1);
    assert.equal(await state(2, 'RETRYING'), 1);

    task.partitions.delete('orders-1');
    assert.equal(await state(1, 'FAILED'), undefined, 'a partition gone from the status is gone');
  });

  it('drops the lag of a partition that moved away, unless another task of the sink took it', async () => {
    const metrics = new SinkMetrics({ processMetrics: false });
    const status = new SinkStatus();
    const [a, b] = [status.task(0), status.task(1)];
    metrics.watchTask(a);
    metrics.watchTask(b);
    const lag = (partition: number) =>
      sample(metrics, `lambda_sink_consumer_lag_records{topic="orders",partition="${partition}"}`);
    metrics.consumerLag.set({ topic: 'orders', partition: '0' }, 7);
    metrics.consumerLag.set({ topic: 'orders', partition: '1' }, 3);
    partitionStatusOf(b, 'orders', 1);

    metrics.partitionsRevoked([
      { topic: 'orders', partition: 0 },
      { topic: 'orders', partition: 1 },
    ]);
    assert.equal(await lag(0), undefined);
    assert.equal(await lag(1), 3, 'task 1 owns it now and keeps its series');
  });
});
