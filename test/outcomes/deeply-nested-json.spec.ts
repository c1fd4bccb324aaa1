import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  headerText,
  invokedRecords,
  pause,
  readTopic,
  recordCount,
  withSink,
} from './support/outcomes';

// Parses fine in V8, but writing it back into a payload overflowed the stack.
const DEPTH = 5_000;
const deepJson = () => '['.repeat(DEPTH) + ']'.repeat(DEPTH);

describe('a JSON value nested 5,000 deep', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  const jsonSink = (name: string, topic: string, extra: Record<string, string>) =>
    sinkProperties(lambda, {
      name,
      topics: topic,
      'aws.lambda.function.name': 'success',
      'aws.lambda.batch.size': '10',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      ...extra,
    });
  const invokedOffsetsOf = (topic: string) =>
    invokedRecords(lambda, 'success')
      .filter((r) => r.topic === topic)
      .map((r) => r.offset);

  it('(errors.tolerance=all) goes to the dead letter queue with the reason and its offset; the records after it are invoked', async () => {
    const topic = await createTopic(uniqueName('deep-json-dlq'));
    const name = uniqueName('sink');
    const dlq = `${name}-dlq`;
    await produce(topic, [{ value: '{"n":0}' }, { value: deepJson() }, { value: '{"n":2}' }]);
    await withSink(
      jsonSink(name, topic, {
        'errors.tolerance': 'all',
        'errors.log.enable': 'true',
        'errors.deadletterqueue.topic.name': dlq,
        'errors.deadletterqueue.context.headers.enable': 'true',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 3 });
        assert.equal(engine.status.failedPartitions().length, 0);
        assert.equal(engine.status.tasks[0].state, 'RUNNING');
      },
    );
    assert.deepEqual(invokedOffsetsOf(topic), [0, 2]);
    assert.equal(await recordCount(dlq), 1);
    const [dead] = await readTopic(dlq, 1);
    assert.equal(String(dead.value), deepJson(), 'the original bytes');
    assert.equal(headerText(dead, '__connect.errors.offset'), '1');
    assert.equal(headerText(dead, '__connect.errors.stage'), 'VALUE_CONVERTER');
    assert.match(
      headerText(dead, '__connect.errors.exception.message') ?? '',
      /nesting depth \(1001\) exceeds the maximum allowed \(1000\)/,
    );
  });

  it('(errors.tolerance=none) fails the task naming the offset, committing nothing past it', async () => {
    const topic = await createTopic(uniqueName('deep-json-none'));
    const name = uniqueName('sink');
    await produce(topic, [{ value: '{"n":0}' }, { value: deepJson() }, { value: '{"n":2}' }]);
    await withSink(jsonSink(name, topic, { 'errors.tolerance': 'none' }), async (engine) => {
      assert.ok(await eventually(() => engine.status.tasks[0].state === 'FAILED'));
      const trace = engine.status.tasks[0].trace ?? '';
      assert.match(trace, new RegExp(`${topic}-0@1`));
      assert.match(trace, /nesting depth/);
      assert.doesNotMatch(trace, /\[\[\[/, 'no record content');
      await expectCommitted(`connect-${name}`, topic, { 0: 1 });
      await pause(500);
      assert.deepEqual(invokedOffsetsOf(topic), [0]);
    });
  });
});
