import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, recordCount, withSink } from './support/outcomes';

describe('an invocation that never gets an answer', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('is cut by aws.lambda.socket.timeout and retried, and the record is invoked', async () => {
    const topic = await createTopic(uniqueName('hang'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    lambda.setFaults(fn, { hang: { firstN: 2 } });
    const name = uniqueName('sink');
    await produce(topic, [{ key: 'k0', value: 'v0' }]);
    const started = Date.now();
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.socket.timeout': '1000',
        'behavior.on.error': 'log',
      }),
      async (engine) => {
        await expectCommitted(`connect-${name}`, topic, { 0: 1 });
        const retries = await engine.metrics.registry
          .getSingleMetric('lambda_sink_invocation_retries_total')
          ?.get();
        assert.equal(retries?.values[0]?.value, 2, 'both timed-out attempts were retried');
      },
    );
    const calls = lambda.invocationsOf(fn).filter((i) => i.invocationType !== 'DryRun');
    assert.deepEqual(
      calls.map((i) => (i.hung ? 'hung' : i.statusCode)),
      ['hung', 'hung', 200],
      'two hung attempts, then the answer',
    );
    const gap = (calls[1].receivedAt - calls[0].receivedAt) / 1000;
    assert.ok(gap >= 0.9 && gap < 5, `the hung attempt was cut after about 1 s (${gap} s)`);
    assert.ok(Date.now() - started < 20_000);
    assert.equal(await recordCount(`${name}-error`), 0);
    assert.equal(await recordCount(`${name}-success`), 1);
  });
});
