import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { startLambda } from '../support/sink';
import { drainWithResults } from './support/outcomes';

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
    const total = 6;
    await produce(
      topic,
      Array.from({ length: total }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    );
    const { results } = await drainWithResults(lambda, {
      topic,
      functionName: fn,
      batchSize: 3,
      total,
      committed: { 0: total },
    });

    assert.equal(results.length, total);
    for (const result of results) {
      const value = JSON.parse(String(result.value)) as { offset: number; value: unknown };
      assert.equal(String(result.key), `k${value.offset}`);
      assert.deepEqual(value.value, { batch: 3, status: 'done' });
    }
  });
});
