import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { connectorStatusBody } from '../../libs/lambda-sink/src/testing';
import { createTopic, eventually, produce, uniqueName, withAdmin } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, invokedOffsets, withSink } from '../outcomes/support/outcomes';

describe('partitions added to a consumed topic while the sink runs', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  for (const reset of ['earliest', 'latest'] as const) {
    it(`(auto.offset.reset=${reset}) are assigned within metadata.max.age.ms and every record in them is invoked`, async () => {
      const topic = await createTopic(uniqueName(`grow-${reset}`), 1);
      const fn = uniqueName('fn');
      lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
      const name = uniqueName('sink');
      let highs: Record<number, number> = {};
      await withSink(
        sinkProperties(lambda, {
          name,
          topics: topic,
          'aws.lambda.function.name': fn,
          'consumer.override.auto.offset.reset': reset,
          'consumer.override.metadata.max.age.ms': '1000',
        }),
        async (engine) => {
          assert.ok(await eventually(() => engine.status.tasks[0]?.partitions.size === 1));
          await withAdmin((admin) =>
            admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] }),
          );
          // The test's own producer must see the new partitions' leaders first, or its retries
          // against stale metadata may write a record twice.
          assert.ok(
            await eventually(async () => {
              const { topics } = await withAdmin((admin) =>
                admin.fetchTopicMetadata({ topics: [topic] }),
              );
              return (
                topics[0]?.partitions.every((p) => p.leader >= 0) &&
                topics[0].partitions.length === 3
              );
            }),
          );
          // Written at once, before the group can have noticed the new partitions.
          await produce(
            topic,
            [1, 2].flatMap((partition) =>
              Array.from({ length: 5 }, (_, i) => ({ partition, value: `p${partition}-${i}` })),
            ),
          );
          const high = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
          highs = Object.fromEntries(
            high.filter((p) => p.partition > 0).map((p) => [p.partition, Number(p.high)]),
          );
          await expectCommitted(`connect-${name}`, topic, highs, 20_000);
          const listed = connectorStatusBody(name, engine.status, 'w')
            .tasks[0].partitions.map((p) => p.partition)
            .sort();
          assert.deepEqual(listed, [0, 1, 2], 'status lists the new partitions');
          const lag = await engine.metrics.registry
            .getSingleMetric('lambda_sink_consumer_lag_records')
            ?.get();
          const lagged = new Set(lag?.values.map((v) => `${v.labels.topic}-${v.labels.partition}`));
          assert.ok(lagged.has(`${topic}-1`) && lagged.has(`${topic}-2`), 'and the lag gauge');
        },
      );
      for (const partition of [1, 2]) {
        assert.deepEqual(
          [...new Set(invokedOffsets(lambda, fn, partition))].sort((a, b) => a - b),
          Array.from({ length: highs[partition] }, (_, i) => i),
          `every record of new partition ${partition} invoked`,
        );
        assert.ok(highs[partition] >= 5);
      }
    });
  }
});
