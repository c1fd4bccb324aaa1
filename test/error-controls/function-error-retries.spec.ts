import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  headerText,
  invokedOffsets,
  readTopic,
  recordCount,
  withSink,
} from '../outcomes/support/outcomes';

describe('aws.lambda.function.error.retries', () => {
  let lambda: LambdaLocal;
  /** Calls per topic; the function fails the first `failures` calls of each topic. */
  const calls = new Map<string, number>();
  const failures = 2;
  before(async () => {
    lambda = await startLambda({
      'fails-twice': async (event: unknown) => {
        const topic = (event as Array<{ payload: { topic: string } }>)[0].payload.topic;
        const n = (calls.get(topic) ?? 0) + 1;
        calls.set(topic, n);
        if (n <= failures) throw new Error(`failing call ${n} of ${topic}`);
        return 'ok';
      },
    });
  });
  after(() => lambda.close());

  async function run(retries: number) {
    const topic = await createTopic(uniqueName(`retries-${retries}`));
    const name = uniqueName('sink');
    await produce(topic, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': 'fails-twice',
        'aws.lambda.function.error.retries': String(retries),
        'behavior.on.error': 'log',
      }),
      () => expectCommitted(`connect-${name}`, topic, { 0: 3 }),
    );
    return { name, topic, invoked: invokedOffsets(lambda, 'fails-twice').length };
  }

  it('invokes a batch that got a function error again, up to the limit, before behavior.on.error', async () => {
    const before = invokedOffsets(lambda, 'fails-twice').length;
    const { name, invoked } = await run(2);
    assert.equal(invoked - before, 3 * 3, 'the batch of 3 went out three times');
    assert.equal(await recordCount(`${name}-error`), 0, 'the third attempt succeeded');
    assert.equal(await recordCount(`${name}-success`), 3);
  });

  it('hands the batch to behavior.on.error when the retries run out', async () => {
    const before = invokedOffsets(lambda, 'fails-twice').length;
    const { name, invoked } = await run(1);
    assert.equal(invoked - before, 3 * 2, 'first attempt and one retry');
    const errors = await readTopic(`${name}-error`, 3);
    for (const record of errors) {
      assert.equal(headerText(record, '__lambda.error.type'), 'Unhandled');
      assert.match(
        headerText(record, '__connect.errors.exception.message') ?? '',
        /failing call 2/,
      );
    }
  });
});
