import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, withSink } from './support/outcomes';

interface Element {
  payload: { offset: number };
}

describe('ordering=key: a batch waiting out a long retry backoff', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('holds the commit back, and on resume invokes only what had not finished: nothing twice', async () => {
    const topic = await createTopic(uniqueName('retry-pause'));
    const fn = uniqueName('fn');
    const handled = new Map<number, number>();
    lambda.registerFunction(fn, async (event: unknown) => {
      for (const { payload } of event as Element[]) {
        handled.set(payload.offset, (handled.get(payload.offset) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 50));
      return (event as unknown[]).map(() => 'ok');
    });
    // The first call is throttled with a backoff over a second: the partition pauses (its
    // commit held at that batch) while the other calls in flight finish after it.
    lambda.setFaults(fn, { throttle: { firstN: 1, retryAfterSeconds: 0 } });
    await produce(
      topic,
      Array.from({ length: 24 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    );
    const name = uniqueName('sink');
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.ordering': 'key',
        'aws.lambda.max.in.flight.per.partition': '4',
        'aws.lambda.batch.size': '2',
        'aws.lambda.retry.backoff.ms': '1500',
        'aws.lambda.retry.backoff.max.ms': '1500',
      }),
      async () => {
        await expectCommitted(`connect-${name}`, topic, { 0: 24 });
      },
    );
    assert.equal(
      lambda.invocationsOf(fn).filter((i) => i.statusCode === 429).length,
      1,
      'the throttle happened',
    );
    assert.deepEqual(
      [...handled.keys()].sort((a, b) => a - b),
      [...Array(24).keys()],
      'every record was handled',
    );
    const twice = [...handled].filter(([, count]) => count > 1).map(([offset]) => offset);
    assert.deepEqual(twice, [], 'no record the function had handled was sent again');
  });
});
