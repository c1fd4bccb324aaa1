import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  headerText,
  invokedOffsets,
  readTopic,
  recordCount,
  withSink,
} from '../outcomes/support/outcomes';

interface Element {
  payload: { topic: string; partition: number; offset: number; value: string };
}

/**
 * A function written for partial batch responses: it fails each record whose value holds
 * "poison" and reports it — AWS's Kafka identifier object for odd offsets, this sink's
 * `topic-partition@offset` string for even ones, so both spellings are exercised.
 */
async function reportPoison(event: unknown) {
  const failures = (event as Element[])
    .filter(({ payload }) => payload.value.includes('poison'))
    .map(({ payload: { topic, partition, offset } }) => ({
      itemIdentifier:
        offset % 2 === 1
          ? { partition: `${topic}-${partition}`, offset }
          : `${topic}-${partition}@${offset}`,
    }));
  return { batchItemFailures: failures };
}

describe('aws.lambda.response.partial.batch=true', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda({ 'report-poison': reportPoison });
  });
  after(() => lambda.close());

  it('sends only the reported records to behavior.on.error and the rest to the result topic', async () => {
    const topic = await createTopic(uniqueName('partial'));
    const name = uniqueName('sink');
    const poison = new Set([3, 4, 9]);
    await produce(
      topic,
      Array.from({ length: 12 }, (_, i) => ({
        key: `k${i}`,
        value: poison.has(i) ? `poison ${i}` : `v${i}`,
      })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': 'report-poison',
        'aws.lambda.batch.size': '6',
        'aws.lambda.response.partial.batch': 'true',
        'behavior.on.error': 'log',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 12 });
        assert.ok(await eventually(async () => (await recordCount(`${name}-success`)) >= 9));
        assert.equal(engine.status.failedPartitions().length, 0);
      },
    );

    const errors = (await readTopic(`${name}-error`, 3)).sort((a, b) => a.offset - b.offset);
    assert.deepEqual(
      errors.map((r) => Number(headerText(r, '__connect.errors.offset'))),
      [3, 4, 9],
      'exactly the reported records, whichever identifier named them',
    );
    for (const record of errors) {
      assert.equal(headerText(record, '__lambda.error.type'), 'LAMBDA_BATCH_ITEM_FAILURE');
      assert.equal(
        headerText(record, '__connect.errors.exception.class.name'),
        'BatchItemFailureError',
      );
      assert.match(String(record.value), /^poison /);
    }
    const results = await readTopic(`${name}-success`, 9);
    assert.deepEqual(
      results
        .map((r) => (JSON.parse(String(r.value)) as { offset: number }).offset)
        .sort((a, b) => a - b),
      [0, 1, 2, 5, 6, 7, 8, 10, 11],
      'a result for every record the function did not report',
    );
    assert.equal(await recordCount(`${name}-success`), 9, 'and none for the reported ones');
    assert.deepEqual(
      invokedOffsets(lambda, 'report-poison'),
      [...Array(12).keys()],
      'no retries by default',
    );
  });
});
