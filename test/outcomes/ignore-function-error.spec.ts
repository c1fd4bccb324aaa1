import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  invokedOffsets,
  recordCount,
  recordErrorsByAction,
  withSink,
} from './support/outcomes';

describe('behavior.on.error=ignore with function errors', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('commits past them, writes no error record, and counts them in lambda_sink_record_errors_total', async () => {
    const topic = await createTopic(uniqueName('ignore-function'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    // A Handled function error for every batch holding "bad": batches [0,1] and [4,5].
    lambda.setFaults(fn, { functionError: { kind: 'Handled', payloadContains: 'bad' } });
    const name = uniqueName('sink');
    await produce(
      topic,
      Array.from({ length: 8 }, (_, i) => ({ value: i === 1 || i === 4 ? 'bad' : `v${i}` })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '2',
        'behavior.on.error': 'ignore',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 8 });
        assert.ok(await eventually(async () => (await recordCount(`${name}-success`)) >= 4));
        assert.deepEqual(await recordErrorsByAction(engine), { skip: 4 });
        assert.equal(engine.status.failedPartitions().length, 0);
      },
    );
    assert.deepEqual(invokedOffsets(lambda, fn), [0, 1, 2, 3, 4, 5, 6, 7], 'each invoked once');
    assert.equal(await recordCount(`${name}-error`), 0, 'nothing in the error topic');
    assert.equal(await recordCount(`${name}-success`), 4, 'results for the batches that succeeded');
  });
});
