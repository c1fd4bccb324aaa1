import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  committedOf,
  expectCommitted,
  invokedOffsets,
  pause,
  recordCount,
  withSink,
} from './support/outcomes';
import { createLimitedTopic, setMaxMessageBytes } from './support/topics';

describe('a result or error record larger than its topic accepts', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('stops that partition with the reason, commits nothing past it, and resumes once the topic takes it', async () => {
    const topic = await createTopic(uniqueName('reporter-refuses'), 2);
    const name = uniqueName('sink');
    const groupId = `connect-${name}`;
    const resultTopic = await createLimitedTopic(`${name}-success`, 100_000);
    const fn = 'echo';
    await produce(topic, [
      { partition: 0, value: 'small-0' },
      { partition: 0, value: 'x'.repeat(200_000) },
      { partition: 0, value: 'small-2' },
      { partition: 1, value: 'small-a' },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '1',
      }),
      async (engine) => {
        assert.ok(await eventually(() => engine.status.failedPartitions().length === 1));
        const [failed] = engine.status.failedPartitions();
        assert.equal(failed.partition, 0);
        assert.equal(failed.failedAtOffset, 1);
        assert.match(failed.trace ?? '', new RegExp(`${resultTopic}.*max\\.message\\.bytes`));
        await expectCommitted(groupId, topic, { 0: 1, 1: 1 });
        await pause(1000);
        assert.equal(
          await committedOf(groupId, topic, 0),
          1,
          'not committed past the refused result',
        );
        assert.deepEqual(invokedOffsets(lambda, fn, 0), [0, 1], 'and not retried on its own');

        // The operator raises the topic's limit and resumes the partition.
        await setMaxMessageBytes(resultTopic, 1_048_588);
        assert.equal(engine.resumePartition(topic, 0), true);
        await expectCommitted(groupId, topic, { 0: 3 });
        assert.equal(engine.status.failedPartitions().length, 0);
      },
    );
    assert.deepEqual(invokedOffsets(lambda, fn, 0), [0, 1, 1, 2]);
    assert.equal(await recordCount(resultTopic), 4, 'every result written, once');
  });

  it('(error topic, behavior.on.error=log) stops the partition the same way instead of dropping the error record', async () => {
    const topic = await createTopic(uniqueName('reporter-refuses-error'));
    const name = uniqueName('sink');
    const groupId = `connect-${name}`;
    const errorTopic = await createLimitedTopic(`${name}-error`, 100_000);
    const fn = 'fail-on-poison';
    await produce(topic, [{ value: 'ok-0' }, { value: `poison ${'x'.repeat(200_000)}` }]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '1',
        'behavior.on.error': 'log',
      }),
      async (engine) => {
        assert.ok(await eventually(() => engine.status.failedPartitions().length === 1));
        assert.equal(engine.status.failedPartitions()[0].failedAtOffset, 1);
        assert.match(engine.status.failedPartitions()[0].trace ?? '', new RegExp(errorTopic));
        await expectCommitted(groupId, topic, { 0: 1 });

        await setMaxMessageBytes(errorTopic, 1_048_588);
        assert.equal(engine.resumePartition(topic, 0), true);
        await expectCommitted(groupId, topic, { 0: 2 });
      },
    );
    assert.equal(await recordCount(errorTopic), 1, 'the error record, once the topic takes it');
  });
});
