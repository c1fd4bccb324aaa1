import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, headerText, readTopic, withSink } from '../outcomes/support/outcomes';

interface EsmEvent {
  records: Record<string, Array<{ offset: number }>>;
}

describe("a function written for AWS Lambda's Kafka trigger, with ReportBatchItemFailures", () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('runs unchanged on the ESM event: only the orders it reports go to the error topic, the rest get results', async () => {
    const topic = await createTopic(uniqueName('esm-partial'));
    const name = uniqueName('sink');
    await produce(topic, [
      { key: 'o-1', value: '{"id":1,"total":10}' },
      { key: 'o-2', value: 'not an order' },
      { key: 'o-3', value: '{"id":3,"total":7}' },
      { key: 'o-4', value: '{"id":4}' },
      { key: 'o-5', value: '{"id":5,"total":1}' },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': 'esm-orders',
        'aws.lambda.payload.format': 'esm',
        'aws.lambda.response.partial.batch': 'true',
        'aws.lambda.batch.size': '5',
        'behavior.on.error': 'log',
        'reporter.error.topic.name': `${name}-errors`,
      }),
      async () => {
        await expectCommitted(`connect-${name}`, topic, { 0: 5 });
      },
    );

    const errors = (await readTopic(`${name}-errors`, 2)).sort((x, y) => x.offset - y.offset);
    assert.deepEqual(
      errors.map((r) => Number(headerText(r, '__connect.errors.offset'))),
      [1, 3],
      'the two orders the function reported, and only those',
    );
    for (const error of errors) {
      assert.equal(headerText(error, '__lambda.error.type'), 'LAMBDA_BATCH_ITEM_FAILURE');
    }
    assert.deepEqual(
      errors.map((r) => String(r.value)),
      ['not an order', '{"id":4}'],
    );
    const results = await readTopic(`${name}-success`, 3);
    assert.deepEqual(
      results
        .map((r) => (JSON.parse(String(r.value)) as { offset: number }).offset)
        .sort((a, b) => a - b),
      [0, 2, 4],
      'a result for every order the function did not report',
    );
    // With aws.lambda.function.error.retries at its default (0), nothing is sent twice.
    const invoked = recordInvocations(lambda, 'esm-orders').flatMap((i) =>
      (i.event as EsmEvent).records[`${topic}-0`].map((r) => r.offset),
    );
    assert.deepEqual(invoked, [0, 1, 2, 3, 4]);
  });
});
