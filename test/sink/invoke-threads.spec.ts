import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import {
  committedOffsets,
  consumeAll,
  createTopic,
  eventually,
  produce,
  uniqueName,
} from '../support/kafka';
import { sinkProperties, startLambda, startSink } from '../support/sink';

describe('aws.lambda.invoke.threads', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('with two invoke threads: every record invoked once, its result written, offsets committed', async () => {
    const topic = await createTopic(uniqueName('threads'), 3);
    const name = uniqueName('sink');
    const fn = uniqueName('fn');
    // Throttle some calls so retries cross the thread boundary as errors, too.
    lambda.registerFunction(fn, async (event) => (event as unknown[]).map((_, i) => `r${i}`));
    lambda.setFaults(fn, { throttle: { firstN: 3, retryAfterSeconds: 0 } });
    const perPartition = 40;
    await produce(
      topic,
      [0, 1, 2].flatMap((partition) =>
        Array.from({ length: perPartition }, (_, i) => ({
          partition,
          key: `k${i}`,
          value: `v${i}`,
        })),
      ),
    );
    const sink = await startSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '7',
        'aws.lambda.invoke.threads': '2',
        'aws.lambda.retry.backoff.ms': '10',
      }),
    );
    try {
      const groupId = `connect-${name}`;
      assert.ok(
        await eventually(async () => {
          const committed = await committedOffsets(groupId, topic);
          return [0, 1, 2].every((p) => committed.get(p) === perPartition);
        }),
        'all offsets committed',
      );
      const throttled = lambda.invocationsOf(fn).filter((i) => i.statusCode === 429).length;
      assert.equal(throttled, 3, 'the throttled calls were answered 429 and retried');
      // Completed calls only: a throttled call carried its records but did not run them.
      const completed = new Map<string, number>();
      for (const call of lambda.invocationsOf(fn)) {
        if (call.statusCode !== 200 || call.invocationType === 'DryRun') continue;
        for (const { payload } of call.event as Array<{
          payload: { partition: number; offset: number };
        }>) {
          const at = `${payload.partition}@${payload.offset}`;
          completed.set(at, (completed.get(at) ?? 0) + 1);
        }
      }
      assert.equal(completed.size, 3 * perPartition, 'every record reached the function');
      assert.ok(
        [...completed.values()].every((n) => n === 1),
        'each completed exactly once',
      );
      const results = await consumeAll(`${name}-success`, 3 * perPartition);
      assert.equal(results.length, 3 * perPartition);
      const first = JSON.parse(String(results[0].value)) as { value: string };
      assert.match(first.value, /^r\d$/);
    } finally {
      await sink.stop();
    }
  });
});
