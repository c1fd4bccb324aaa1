import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, invokedOffsets, withSink } from './support/outcomes';

describe('throttling that outlasts aws.lambda.max.retries, with behavior.on.error=fail', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('stops the partition at the batch it could not deliver, skips nothing, and goes on when resumed', async () => {
    const topic = await createTopic(uniqueName('throttle-exhausted'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    const name = uniqueName('sink');
    const groupId = `connect-${name}`;
    await produce(
      topic,
      Array.from({ length: 3 }, (_, i) => ({ value: `v${i}` })),
    );
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '3',
        'aws.lambda.max.retries': '3',
      }),
      async (engine) => {
        await expectCommitted(groupId, topic, { 0: 3 });
        // The next batch is throttled on its first attempt and on all three retries.
        lambda.setFaults(fn, { throttle: { firstN: 4, retryAfterSeconds: 0 } });
        await produce(
          topic,
          [3, 4, 5, 6].map((i) => ({ value: `v${i}` })),
        );
        assert.ok(await eventually(() => engine.status.failedPartitions().length === 1));
        const [failed] = engine.status.failedPartitions();
        assert.equal(failed.failedAtOffset, 3);
        assert.match(failed.trace ?? '', /LambdaTransientError.*4 attempts.*TooManyRequests/);
        await expectCommitted(groupId, topic, { 0: 3 });

        // The throttling is over (its four calls are spent); a resume delivers the batch.
        assert.equal(engine.resumePartition(topic, 0), true);
        await expectCommitted(groupId, topic, { 0: 7 });
      },
    );
    const delivered = lambda
      .invocationsOf(fn)
      .filter((i) => i.statusCode === 200)
      .flatMap((i) =>
        (i.event as Array<{ payload: { offset: number } }>).map((e) => e.payload.offset),
      );
    assert.deepEqual(
      [...new Set(delivered)].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6],
    );
    assert.ok(invokedOffsets(lambda, fn).length > 7, 'the throttled attempts carried records too');
  });
});
