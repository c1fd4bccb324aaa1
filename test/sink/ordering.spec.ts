import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda, startSink } from '../support/sink';

describe('sync invocation order', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('never has two invocations in flight for one partition, while different partitions overlap', async () => {
    const partitions = 4;
    const topic = await createTopic(uniqueName('ordering'), partitions);
    const fn = uniqueName('fn');
    const inFlight = new Map<number, number>();
    let maxPerPartition = 0;
    let maxOverall = 0;
    let current = 0;
    lambda.registerFunction(fn, async (event: unknown) => {
      const partition = (event as Array<{ payload: { partition: number } }>)[0].payload.partition;
      inFlight.set(partition, (inFlight.get(partition) ?? 0) + 1);
      current++;
      maxPerPartition = Math.max(maxPerPartition, inFlight.get(partition) ?? 0);
      maxOverall = Math.max(maxOverall, current);
      await new Promise((r) => setTimeout(r, 30));
      inFlight.set(partition, (inFlight.get(partition) ?? 1) - 1);
      current--;
      return 'ok';
    });
    const total = 400;
    await produce(
      topic,
      Array.from({ length: total }, (_, i) => ({ value: `v${i}`, partition: i % partitions })),
    );
    const sink = await startSink(
      sinkProperties(lambda, {
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '5',
      }),
    );
    try {
      const invoked = () =>
        lambda.invocationsOf(fn).reduce((n, i) => n + (i.event as unknown[]).length, 0);
      assert.ok(await eventually(() => invoked() >= total, 60_000));
      assert.equal(maxPerPartition, 1, 'one invocation at a time per partition');
      assert.ok(maxOverall > 1, `partitions were invoked in parallel (max ${maxOverall} at once)`);
    } finally {
      await sink.stop();
    }
  });
});
