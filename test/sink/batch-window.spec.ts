import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, withSink } from '../outcomes/support/outcomes';

describe('aws.lambda.batch.max.wait.ms (the batching window)', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  /** Runs a sink, trickles six records in 100 ms apart, and returns the batch sizes invoked. */
  async function trickle(windowMs: number): Promise<number[]> {
    const topic = await createTopic(uniqueName('window'), 1);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    const name = uniqueName('sink');
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '100',
        'aws.lambda.batch.max.wait.ms': String(windowMs),
      }),
      async (engine) => {
        assert.ok(await eventually(() => engine.status.tasks[0]?.partitions.size === 1));
        await new Promise((r) => setTimeout(r, 1000));
        for (let i = 0; i < 6; i++) {
          await produce(topic, [{ value: `v${i}` }]);
          await new Promise((r) => setTimeout(r, 100));
        }
        await expectCommitted(`connect-${name}`, topic, { 0: 6 }, 20_000);
      },
    );
    return recordInvocations(lambda, fn).map((i) => (i.event as unknown[]).length);
  }

  it('waits for a partial batch to fill: records trickling in within the window go out in one invocation', async () => {
    assert.deepEqual(await trickle(3000), [6]);
  });

  it('invokes each fetch at once when 0 (the default)', async () => {
    const sizes = await trickle(0);
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      6,
    );
    assert.ok(sizes.length > 1, `several invocations without a window: ${sizes.join(',')}`);
  });
});
