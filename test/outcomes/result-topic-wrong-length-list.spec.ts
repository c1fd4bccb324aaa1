import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { startLambda } from '../support/sink';
import { drainWithResults } from './support/outcomes';

describe('the result topic, when the function answers with a list longer than the batch', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('falls to the whole-response rule: every record gets the entire list, even if it has coordinates', async () => {
    const topic = await createTopic(uniqueName('result-wrong-length'));
    const fn = uniqueName('fn');
    // A coordinate list with one extra element: not one-to-one, so neither coordinates nor position apply.
    lambda.registerFunction(fn, async (event: unknown) => [
      ...(event as Array<{ payload: { topic: string; partition: number; offset: number } }>).map(
        ({ payload: { topic, partition, offset } }) => ({
          payload: { result: `r${offset}`, topic, partition, offset },
        }),
      ),
      'extra',
    ]);
    const total = 4;
    await produce(
      topic,
      Array.from({ length: total }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    );
    const { results } = await drainWithResults(lambda, {
      topic,
      functionName: fn,
      batchSize: 2,
      total,
      committed: { 0: total },
    });

    assert.equal(results.length, total);
    for (const result of results) {
      const value = JSON.parse(String(result.value)) as { offset: number; value: unknown };
      const first = value.offset - (value.offset % 2);
      assert.deepEqual(
        value.value,
        [
          { payload: { result: `r${first}`, topic, partition: 0, offset: first } },
          { payload: { result: `r${first + 1}`, topic, partition: 0, offset: first + 1 } },
          'extra',
        ],
        `offset ${value.offset} carries its batch's whole response`,
      );
    }
  });
});
