import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import {
  expectCommitted,
  invokedOffsets,
  recordCount,
  recordErrorsByAction,
  withSink,
} from './support/outcomes';

describe('behavior.on.error=ignore with a record too large for Lambda', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('skips it without an error record, counts it, and commits past it', async () => {
    const topic = await createTopic(uniqueName('ignore-oversized'));
    const fn = 'success';
    const name = uniqueName('sink');
    await produce(topic, [{ value: 'v0' }, { value: 'x'.repeat(6_400_000) }, { value: 'v2' }]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'behavior.on.error': 'ignore',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 3 });
        assert.deepEqual(await recordErrorsByAction(engine), { skip: 1 });
        const metric = await engine.metrics.registry.getSingleMetricAsString(
          'lambda_sink_record_errors_total',
        );
        assert.match(
          metric,
          /lambda_sink_record_errors_total\{error="PAYLOAD_TOO_LARGE",action="skip"\} 1/,
        );
      },
    );
    assert.deepEqual(invokedOffsets(lambda, fn), [0, 2]);
    assert.equal(await recordCount(`${name}-error`), 0, 'nothing in the error topic');
  });
});
