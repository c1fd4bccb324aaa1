import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, invokedOffsets, withSink } from './support/outcomes';

describe('behavior.on.error=fail, after a restart of the sink', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('invokes the failed batch again, and once the function copes, the partition completes', async () => {
    const topic = await createTopic(uniqueName('fail-restart'));
    const fn = 'fail-on-poison';
    const properties = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.batch.size': '4',
    });
    const groupId = `connect-${properties.name}`;
    await produce(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ value: i === 5 ? 'poison' : `v${i}` })),
    );

    await withSink(properties, async (engine) => {
      assert.ok(await eventually(() => engine.status.failedPartitions().length === 1));
      await expectCommitted(groupId, topic, { 0: 4 });
    });
    assert.deepEqual(invokedOffsets(lambda, fn), [0, 1, 2, 3, 4, 5, 6, 7]);

    // The same name (and so group), a new engine: it starts from the committed offset.
    await withSink(properties, async (engine) => {
      assert.ok(
        await eventually(() => invokedOffsets(lambda, fn).length === 12),
        'the failed batch 4..7 is invoked again',
      );
      assert.deepEqual(invokedOffsets(lambda, fn).slice(8), [4, 5, 6, 7]);
      assert.ok(await eventually(() => engine.status.failedPartitions().length === 1));
      assert.equal(engine.status.failedPartitions()[0].failedAtOffset, 4, 'and fails again');
    });

    // The function is fixed (redeployed under the same name); the next restart gets through.
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    await withSink(properties, async (engine) => {
      await expectCommitted(groupId, topic, { 0: 10 });
      assert.equal(engine.status.failedPartitions().length, 0);
    });
    assert.deepEqual(invokedOffsets(lambda, fn).slice(12), [4, 5, 6, 7, 8, 9]);
  });
});
