import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, invokedOffsets, pause, withSink } from '../outcomes/support/outcomes';

describe('consumer.override.auto.offset.reset=latest', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('skips what a partition held when the sink started, and invokes everything written after', async () => {
    const topic = await createTopic(uniqueName('latest'), 2);
    await produce(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `old-${i}` })),
    );
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    const name = uniqueName('sink');
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'consumer.override.auto.offset.reset': 'latest',
      }),
      async (engine) => {
        // Joined, and the start position taken (the status shows the partitions' watermarks).
        assert.ok(
          await eventually(
            () =>
              [...(engine.status.tasks[0]?.partitions.values() ?? [])].filter(
                (p) => p.highWatermark === 5,
              ).length === 2,
          ),
        );
        await pause(1500);
        await produce(
          topic,
          Array.from({ length: 6 }, (_, i) => ({ partition: i % 2, value: `new-${i}` })),
        );
        await expectCommitted(`connect-${name}`, topic, { 0: 8, 1: 8 });
      },
    );
    for (const partition of [0, 1]) {
      assert.deepEqual(
        [...new Set(invokedOffsets(lambda, fn, partition))].sort((a, b) => a - b),
        [5, 6, 7],
        `partition ${partition}: only the records written after the start`,
      );
    }
  });
});
