import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  headerText,
  readTopic,
  recordCount,
  recordErrorsByAction,
  withSink,
} from './support/outcomes';

describe('behavior.on.error=log with a function error', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('writes one error record per record of the failed batch, with its key, value, headers and context, and commits past it', async () => {
    const topic = await createTopic(uniqueName('log-function'));
    const fn = 'fail-on-poison';
    const name = uniqueName('sink');
    const errorTopic = `${name}-error`;
    const resultTopic = `${name}-success`;
    // Batches of two: [0,1] [2,3] [4,5]; the middle one holds the poison and fails as a whole.
    await produce(
      topic,
      Array.from({ length: 6 }, (_, i) => ({
        key: `k${i}`,
        value: i === 2 ? 'poison' : `v${i}`,
        headers: { origin: `o${i}` },
      })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '2',
        'behavior.on.error': 'log',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 6 });
        assert.ok(await eventually(async () => (await recordCount(resultTopic)) >= 4));
        assert.equal(engine.status.failedPartitions().length, 0, 'nothing stops');
        assert.deepEqual(await recordErrorsByAction(engine), { report: 2 });
      },
    );

    assert.equal(
      await recordCount(errorTopic),
      2,
      'one error record per input record of the batch',
    );
    const errors = (await readTopic(errorTopic, 2)).sort((a, b) => a.offset - b.offset);
    for (const [i, record] of errors.entries()) {
      const offset = 2 + i;
      assert.equal(String(record.key), `k${offset}`);
      assert.equal(String(record.value), offset === 2 ? 'poison' : `v${offset}`);
      assert.equal(headerText(record, 'origin'), `o${offset}`, 'original headers kept');
      assert.equal(headerText(record, '__connect.errors.topic'), topic);
      assert.equal(headerText(record, '__connect.errors.partition'), '0');
      assert.equal(headerText(record, '__connect.errors.offset'), String(offset));
      assert.equal(headerText(record, '__connect.errors.connector.name'), name);
      assert.equal(headerText(record, '__connect.errors.stage'), 'TASK_PUT');
      assert.equal(
        headerText(record, '__connect.errors.exception.class.name'),
        'LambdaFunctionError',
      );
      assert.match(
        headerText(record, '__connect.errors.exception.message') ?? '',
        /poison record at .*-0@2/,
      );
      assert.equal(headerText(record, '__lambda.function.name'), fn);
      assert.equal(headerText(record, '__lambda.invocation.type'), 'sync');
      assert.equal(headerText(record, '__lambda.error.type'), 'Unhandled');
    }
    assert.equal(await recordCount(resultTopic), 4, 'results only for the batches that succeeded');
  });
});
