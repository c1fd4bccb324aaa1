import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, readTopic, recordCount, withSink } from './support/outcomes';

describe('the result topic, when the function answers with something other than a list', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('gives every record of the batch the whole response', async () => {
    const topic = await createTopic(uniqueName('result-whole'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => ({
      batch: (event as unknown[]).length,
      status: 'done',
    }));
    const name = uniqueName('sink');
    const resultTopic = `${name}-success`;
    const total = 6;
    await produce(
      topic,
      Array.from({ length: total }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '3',
      }),
      async () => {
        await expectCommitted(`connect-${name}`, topic, { 0: total });
        assert.ok(await eventually(async () => (await recordCount(resultTopic)) >= total));
      },
    );

    const results = await readTopic(resultTopic, total);
    assert.equal(results.length, total);
    for (const result of results) {
      const value = JSON.parse(String(result.value)) as { offset: number; value: unknown };
      assert.equal(String(result.key), `k${value.offset}`);
      assert.deepEqual(value.value, { batch: 3, status: 'done' });
    }
  });
});
