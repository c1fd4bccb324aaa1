import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import {
  committedOf,
  expectCommitted,
  invokedOffsets,
  pause,
  recordCount,
  withSink,
} from './support/outcomes';

describe('a configuration error after startup (invoke permission revoked)', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('stops consuming: task FAILED with the reason, nothing committed for the failed batch, nothing retried', async () => {
    const topic = await createTopic(uniqueName('config-runtime'), 2);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    const name = uniqueName('sink');
    const groupId = `connect-${name}`;
    await produce(
      topic,
      Array.from({ length: 6 }, (_, i) => ({ value: `v${i}`, partition: i % 2 })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '2',
        // Even `log` must not write a configuration error off as a record failure.
        'behavior.on.error': 'log',
      }),
      async (engine) => {
        await expectCommitted(groupId, topic, { 0: 3, 1: 3 });
        lambda.setFaults(fn, { denyInvoke: true });
        await produce(topic, [
          { value: 'v6', partition: 0 },
          { value: 'v7', partition: 0 },
        ]);
        assert.ok(await eventually(() => engine.status.tasks[0].state === 'FAILED'));
        assert.match(engine.status.tasks[0].trace ?? '', /AccessDenied/);
        assert.match(engine.status.tasks[0].trace ?? '', new RegExp(fn));
        const denied = () => recordInvocations(lambda, fn).filter((i) => i.statusCode === 403);
        assert.equal(denied().length, 1, 'a configuration error is not retried');

        // Permission back, but the task stays stopped: nothing more is fetched or committed.
        lambda.clearFaults(fn);
        await produce(topic, [{ value: 'v8', partition: 1 }]);
        await pause(2000);
        assert.equal(await committedOf(groupId, topic, 0), 3, 'the failed batch is not committed');
        assert.equal(
          await committedOf(groupId, topic, 1),
          3,
          'and the other partition stopped too',
        );
        assert.deepEqual(invokedOffsets(lambda, fn, 1), [0, 1, 2], 'no partition consumed further');
        assert.equal(engine.status.tasks[0].state, 'FAILED');
      },
    );
    assert.equal(
      await recordCount(`${name}-error`),
      0,
      'no error records for a configuration error',
    );
  });

  it('with aws.lambda.validate=false and a function missing from the start, fails the task on the first batch', async () => {
    const topic = await createTopic(uniqueName('config-missing'));
    const name = uniqueName('sink');
    await produce(topic, [{ value: 'v0' }]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': 'no-such-function',
        'aws.lambda.validate': 'false',
      }),
      async (engine) => {
        assert.ok(await eventually(() => engine.status.tasks[0].state === 'FAILED'));
        assert.match(engine.status.tasks[0].trace ?? '', /ResourceNotFoundException/);
        await pause(1000);
        assert.equal(await committedOf(`connect-${name}`, topic), -1, 'nothing committed');
        assert.equal(lambda.invocationsOf('no-such-function').length, 1, 'tried once, not retried');
      },
    );
  });
});
