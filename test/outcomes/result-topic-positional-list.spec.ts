import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { startLambda } from '../support/sink';
import { recordCount, drainWithResults } from './support/outcomes';

describe('the result topic, when the function answers with a list one-to-one with the batch', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('holds one record per input, matched by position, keyed by the original key, in the Confluent format', async () => {
    const topic = await createTopic(uniqueName('result-positional'));
    // Confluent's sample function: one `{ body, status_code }` per record, no coordinates.
    const fn = 'success';
    const total = 7;
    await produce(
      topic,
      Array.from({ length: total }, (_, i) => ({
        key: `k${i}`,
        value: `v${i}`,
        headers: { trace: `t${i}` },
        timestamp: String(1_700_000_000_000 + i),
      })),
    );
    const { results, resultTopic } = await drainWithResults(lambda, {
      topic,
      functionName: fn,
      batchSize: 3,
      total,
      committed: { 0: total },
    });

    assert.equal(results.length, total);
    assert.equal(await recordCount(resultTopic), total, 'exactly one result per input record');
    const byOffset = new Map(
      results.map((r) => {
        const value = JSON.parse(String(r.value)) as Record<string, unknown>;
        return [value.offset as number, { record: r, value }];
      }),
    );
    for (let i = 0; i < total; i++) {
      const result = byOffset.get(i);
      assert.ok(result, `a result for offset ${i}`);
      assert.equal(String(result.record.key), `k${i}`, 'keyed by the original key');
      assert.deepEqual(Object.keys(result.value), [
        'topic',
        'partition',
        'offset',
        'timestamp',
        'headers',
        'key',
        'value',
      ]);
      assert.deepEqual(result.value, {
        topic,
        partition: 0,
        offset: i,
        timestamp: 1_700_000_000_000 + i,
        headers: [{ trace: `t${i}` }],
        key: `k${i}`,
        value: { body: 'Successfully executed Lambda!', status_code: 200 },
      });
    }
  });
});
