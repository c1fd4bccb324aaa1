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
  recordErrorsByAction,
  withSink,
} from './support/outcomes';

/** Over Lambda's 6 MB synchronous payload limit on its own (the test broker takes 8 MB records). */
const OVERSIZED = 'x'.repeat(6_400_000);

describe('behavior.on.error=log with a record too large for Lambda', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('never sends it, writes it to the error topic as a PAYLOAD_TOO_LARGE data error, and goes on', async () => {
    const topic = await createTopic(uniqueName('log-oversized'));
    const fn = 'success';
    const name = uniqueName('sink');
    const errorTopic = `${name}-error`;
    await produce(topic, [
      { key: 'k0', value: 'v0' },
      { key: 'k1', value: OVERSIZED, headers: { origin: 'big' } },
      { key: 'k2', value: 'v2' },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'behavior.on.error': 'log',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 3 });
        assert.ok(await eventually(async () => (await recordCount(errorTopic)) >= 1));
        assert.deepEqual(await recordErrorsByAction(engine), { report: 1 });
      },
    );
    assert.deepEqual(invokedOffsets(lambda, fn), [0, 2], 'the oversized record is never sent');
    assert.equal(await recordCount(errorTopic), 1);
    const [error] = await readTopic(errorTopic, 1);
    assert.equal(String(error.key), 'k1');
    assert.equal(error.value?.length, OVERSIZED.length, 'the original value, whole');
    assert.equal(headerText(error, 'origin'), 'big');
    assert.equal(headerText(error, '__connect.errors.offset'), '1');
    assert.equal(
      headerText(error, '__connect.errors.exception.class.name'),
      'PayloadTooLargeError',
    );
    assert.equal(headerText(error, '__lambda.error.type'), 'PAYLOAD_TOO_LARGE');
    assert.equal(headerText(error, '__lambda.invocation.type'), 'sync');
    assert.equal(await recordCount(`${name}-success`), 2, 'results for the other two');
  });
});
