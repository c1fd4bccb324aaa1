import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { startLambda } from '../support/sink';
import { invokedRecords, drainWithResults } from './support/outcomes';

describe('the result topic, when the function answers with coordinates in reversed order', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('matches each result to its record by topic, partition and offset, not by position', async () => {
    const partitions = 2;
    const topic = await createTopic(uniqueName('result-coordinates'), partitions);
    // examples/functions/coordinates.js: `{payload: {result: {processed: value}, topic, partition, offset}}`, reversed.
    const fn = 'coordinates';
    const total = 12;
    await produce(
      topic,
      Array.from({ length: total }, (_, i) => ({
        key: `k${i}`,
        value: `v${i}`,
        partition: i % partitions,
      })),
    );
    const { results } = await drainWithResults(lambda, {
      topic,
      functionName: fn,
      batchSize: 4,
      total,
      committed: { 0: 6, 1: 6 },
    });
    assert.ok(
      invokedRecords(lambda, fn).length === total,
      'each record was invoked once (batches of more than one, so order matters)',
    );

    assert.equal(results.length, total);
    for (const result of results) {
      const value = JSON.parse(String(result.value)) as {
        partition: number;
        offset: number;
        key: string;
        value: unknown;
      };
      const i = value.offset * partitions + value.partition;
      assert.equal(value.key, `k${i}`);
      assert.equal(String(result.key), `k${i}`);
      assert.deepEqual(
        value.value,
        { processed: `v${i}` },
        `result of ${value.partition}@${value.offset}`,
      );
    }
  });
});
