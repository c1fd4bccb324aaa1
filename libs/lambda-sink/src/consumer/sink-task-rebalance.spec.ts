import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFromConnectProperties } from '../config/connect-options';
import { minimalProperties } from '../config/test-properties';
import type {
  AdminPort,
  BatchSession,
  FetchedBatch,
  GroupConsumerEvents,
  GroupConsumerPort,
  KafkaClientPort,
} from '../kafka';
import { SinkMetrics } from '../operations/metrics/sink-metrics';
import type { TaskStatus } from '../operations/status/sink-status';
import type { PartitionControls } from '../pipeline/partition-controls';
import type { PartitionProcessor } from '../pipeline/partition-processor';
import { SinkTask } from './sink-task';

/**
 * A task on a scripted group consumer: the test plays the client's events (join, rebalancing,
 * fetch) and hands it batches; the processor notes whether each batch was told to stop at once.
 */
async function scriptedTask() {
  let events: GroupConsumerEvents = {};
  let handler: ((batch: FetchedBatch, session: BatchSession) => Promise<void>) | undefined;
  const consumer: GroupConsumerPort = {
    connect: async () => undefined,
    subscribe: async () => undefined,
    run: async (onBatch) => {
      handler = onBatch;
    },
    pause: () => undefined,
    resume: () => undefined,
    seek: () => undefined,
    commit: async () => undefined,
    disconnect: async () => undefined,
  };
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    committedOffsets: async () => [],
    watermarks: async () => [],
  } as unknown as AdminPort;
  const kafka = {
    groupConsumer: (_options: unknown, e: GroupConsumerEvents) => {
      events = e;
      return consumer;
    },
    admin: () => admin,
  } as unknown as KafkaClientPort;
  const toldToStop: boolean[] = [];
  const processor = {
    process: async (_batch: FetchedBatch, _status: unknown, controls: PartitionControls) => {
      toldToStop.push(controls.shouldStop());
      return 'done';
    },
  } as unknown as PartitionProcessor;
  const status: TaskStatus = { id: 0, state: 'RUNNING', joinedGroup: false, partitions: new Map() };
  const task = new SinkTask(
    0,
    kafka,
    optionsFromConnectProperties(minimalProperties({ topics: 'orders' })),
    processor,
    status,
    {
      sessionTimeoutMs: 30_000,
      rebalanceTimeoutMs: 60_000,
      heartbeatIntervalMs: 3000,
      maxBytesPerPartition: 1_048_576,
      maxBytes: 10_485_760,
      metadataMaxAgeMs: 300_000,
      partitionsConsumedConcurrently: 1,
    },
    new SinkMetrics(),
  );
  await task.start();
  const session: BatchSession = {
    heartbeat: async () => true,
    resolveOffset: () => undefined,
    isCurrent: () => true,
  };
  const batch: FetchedBatch = {
    topic: 'orders',
    partition: 0,
    highWatermark: '1',
    messages: [{ offset: '0', key: null, value: Buffer.from('{}'), timestamp: '0' }],
  };
  return {
    events: () => events,
    /** Hands the task one batch; resolves with whether the processor was told to stop at once. */
    deliver: async () => {
      await handler?.(batch, session);
      return toldToStop.at(-1);
    },
    stop: () => task.stop(1000),
  };
}

describe('SinkTask and the group rebalancing', () => {
  it('lets batches finish early while the group rebalances, and works normally after the rejoin', async () => {
    const t = await scriptedTask();
    t.events().onGroupJoin?.({ orders: [0] });
    assert.equal(await t.deliver(), false);
    t.events().onRebalancing?.();
    assert.equal(await t.deliver(), true, 'a batch in hand during a rebalance returns early');
    t.events().onGroupJoin?.({ orders: [0] });
    assert.equal(await t.deliver(), false);
    await t.stop();
  });

  it('works normally once the client fetches again after a rebalance signal no rejoin followed (kafkajs after a broker restart)', async () => {
    const t = await scriptedTask();
    t.events().onGroupJoin?.({ orders: [0] });
    t.events().onRebalancing?.();
    // The rejoin failed while the broker was away; the client's retry fetches with its old membership.
    t.events().onFetch?.();
    assert.equal(
      await t.deliver(),
      false,
      'batches fetched after that are processed, not returned unprocessed forever',
    );
    await t.stop();
  });
});
