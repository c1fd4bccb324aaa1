import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, invokedOffsets, withSink } from './support/outcomes';

describe('behavior.on.error=fail, when the failed partition is resumed', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('retries the failed batch in the same engine, and goes on once it succeeds', async () => {
    const topic = await createTopic(uniqueName('fail-resume'), 2);
    const fn = 'fail-on-poison';
    const properties = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.batch.size': '3',
    });
    const groupId = `connect-${properties.name}`;
    await produce(
      topic,
      Array.from({ length: 8 }, (_, i) => ({ partition: 1, value: i === 4 ? 'poison' : `v${i}` })),
    );

    await withSink(properties, async (engine) => {
      assert.ok(await eventually(() => engine.status.failedPartitions().length === 1));
      await expectCommitted(groupId, topic, { 1: 3 });
      assert.deepEqual(invokedOffsets(lambda, fn, 1), [0, 1, 2, 3, 4, 5]);

      // Resumed while the function still fails: the same batch is tried again and fails again.
      assert.equal(engine.resumePartition(topic, 1), true);
      assert.ok(await eventually(() => invokedOffsets(lambda, fn, 1).length === 9));
      assert.deepEqual(invokedOffsets(lambda, fn, 1).slice(6), [3, 4, 5]);
      assert.ok(await eventually(() => engine.status.failedPartitions().length === 1));
      assert.equal(engine.status.failedPartitions()[0].failedAtOffset, 3);

      // Fixed and resumed: the batch and the rest of the partition go through.
      lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
      assert.equal(engine.resumePartition(topic, 1), true);
      await expectCommitted(groupId, topic, { 1: 8 });
      assert.deepEqual(invokedOffsets(lambda, fn, 1).slice(9), [3, 4, 5, 6, 7]);
      assert.equal(engine.status.failedPartitions().length, 0);
      assert.equal(engine.status.tasks[0].partitions.get(`${topic}-1`)?.state, 'RUNNING');
    });
  });
});
