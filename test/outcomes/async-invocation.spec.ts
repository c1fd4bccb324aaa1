import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { optionsFromConnectProperties } from '../../libs/lambda-sink/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  invokedOffsets,
  recordCount,
  topicExists,
  withSink,
} from './support/outcomes';

describe('aws.lambda.invocation.type=async', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('invokes with InvocationType Event, commits on the 202, and writes no result topic', async () => {
    const topic = await createTopic(uniqueName('async'));
    const fn = 'echo';
    const name = uniqueName('sink');
    await produce(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ value: `v${i}` })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.invocation.type': 'async',
        'aws.lambda.batch.size': '4',
      }),
      async () => {
        await expectCommitted(`connect-${name}`, topic, { 0: 10 });
      },
    );
    const calls = recordInvocations(lambda, fn);
    assert.deepEqual(
      calls.map((i) => [i.invocationType, i.statusCode]),
      [
        ['Event', 202],
        ['Event', 202],
        ['Event', 202],
      ],
    );
    assert.deepEqual(invokedOffsets(lambda, fn), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(
      await topicExists(`${name}-success`),
      false,
      'the default result topic is not even created',
    );
  });

  it('warns at startup that an explicitly set result topic is unused, and leaves it empty', async () => {
    const topic = await createTopic(uniqueName('async-result'));
    const resultTopic = await createTopic(uniqueName('async-results'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async () => ({ answered: true }));
    const name = uniqueName('sink');
    const properties = sinkProperties(lambda, {
      name,
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.invocation.type': 'async',
      'reporter.result.topic.name': resultTopic,
    });
    const { warnings, reporter } = optionsFromConnectProperties(properties);
    assert.ok(
      warnings.some((w) => w.includes('reporter.result.topic.name') && w.includes(resultTopic)),
      `a warning names the unused result topic: ${JSON.stringify(warnings)}`,
    );
    assert.equal(reporter.resultTopic, undefined);

    await produce(topic, [{ value: 'a' }, { value: 'b' }]);
    await withSink(properties, async () => {
      await expectCommitted(`connect-${name}`, topic, { 0: 2 });
      // The function's background run finishes after the 202; give its answer time to (not) show up.
      assert.ok(await eventually(() => recordInvocations(lambda, fn).every((i) => i.completedAt)));
    });
    assert.equal(await recordCount(resultTopic), 0);
  });
});
