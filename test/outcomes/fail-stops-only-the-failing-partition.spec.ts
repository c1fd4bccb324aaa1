import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  committedOf,
  expectCommitted,
  invokedOffsets,
  pause,
  recordCount,
  withSink,
} from './support/outcomes';

describe('behavior.on.error=fail with a poison record in one partition', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('stops that partition only: FAILED, paused, committed before the failed batch, while the others keep flowing', async () => {
    const topic = await createTopic(uniqueName('fail-partition'), 3);
    // examples/functions/fail-on-poison.js throws for any batch holding a value with "poison".
    const fn = 'fail-on-poison';
    const name = uniqueName('sink');
    const groupId = `connect-${name}`;
    const values = (partition: number, from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({
        partition,
        value: partition === 1 && from + i === 12 ? 'poison!' : `v${from + i}`,
      }));
    await produce(topic, [...values(0, 0, 20), ...values(1, 0, 20), ...values(2, 0, 20)]);

    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '5',
      }),
      async (engine) => {
        await expectCommitted(groupId, topic, { 0: 20, 1: 10, 2: 20 });
        const failed = engine.status.failedPartitions();
        assert.equal(failed.length, 1);
        assert.equal(failed[0].partition, 1);
        assert.equal(failed[0].state, 'FAILED');
        assert.equal(failed[0].failedAtOffset, 10, 'the first offset of the failed batch');
        assert.match(failed[0].trace ?? '', /poison record at .*-1@12/);
        assert.equal(engine.status.tasks[0].state, 'RUNNING', 'the task itself goes on');
        assert.deepEqual(
          invokedOffsets(lambda, fn, 1),
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
          'partition 1 was invoked up to the failed batch, once',
        );

        // New records: partitions 0 and 2 go on, partition 1 stays where it stopped.
        await produce(topic, [...values(0, 20, 30), ...values(1, 20, 30), ...values(2, 20, 30)]);
        await expectCommitted(groupId, topic, { 0: 30, 2: 30 });
        await pause(1500);
        assert.equal(
          await committedOf(groupId, topic, 1),
          10,
          'the failed partition does not move',
        );
        assert.equal(
          Math.max(...invokedOffsets(lambda, fn, 1)),
          14,
          'the failed partition is paused: nothing after the failed batch was invoked',
        );
        assert.equal(
          invokedOffsets(lambda, fn, 1).length,
          15,
          'and the failed batch not retried on its own',
        );
        assert.equal(await recordCount(`${name}-error`), 0, 'fail writes no error records');
      },
    );
  });
});
