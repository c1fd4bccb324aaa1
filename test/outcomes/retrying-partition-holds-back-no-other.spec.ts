import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { connectorStatusBody } from '../../libs/lambda-sink/src/testing';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import { committedOf, expectCommitted, invokedOffsets, withSink } from './support/outcomes';

/** True for a Lambda batch that carries records of `partition`. */
const carriesPartition = (partition: number) => (event: unknown) =>
  (event as Array<{ payload: { partition: number } }>).some(
    (e) => e.payload.partition === partition,
  );

describe('one partition retrying transient Lambda errors', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('holds back no other partition: theirs are invoked and committed meanwhile, and status shows the retry and the real lag', async () => {
    const topic = await createTopic(uniqueName('retry-one-partition'), 4);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    // Partition 0's batches get 500s until the faults are cleared; the others are answered.
    lambda.setFaults(fn, { serverError: { status: 500, when: carriesPartition(0) } });
    const name = uniqueName('sink');
    const groupId = `connect-${name}`;
    const records = (from: number, to: number, partitions: number[]) =>
      partitions.flatMap((partition) =>
        Array.from({ length: to - from }, (_, i) => ({ partition, value: `v${from + i}` })),
      );
    await produce(topic, records(0, 10, [0, 1, 2, 3]));

    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '10',
        // Long enough that the partition is still retrying when the others get new records.
        'aws.lambda.max.retries': '30',
        'aws.lambda.retry.backoff.ms': '500',
        'aws.lambda.retry.backoff.max.ms': '4000',
      }),
      async (engine) => {
        await expectCommitted(groupId, topic, { 1: 10, 2: 10, 3: 10 });
        // 300 new records on the healthy partitions while partition 0 keeps failing.
        await produce(topic, records(10, 110, [1, 2, 3]));
        await expectCommitted(groupId, topic, { 1: 110, 2: 110, 3: 110 }, 15_000);
        assert.equal(await committedOf(groupId, topic, 0), -1, 'partition 0 is held where it is');

        const body = connectorStatusBody(name, engine.status, 'w');
        const p0 = body.tasks[0].partitions.find((p) => p.partition === 0);
        assert.equal(p0?.state, 'RUNNING');
        assert.equal(p0?.retrying?.offset, 0, 'status names the batch being retried');
        assert.ok((p0?.retrying?.attempts ?? 0) >= 2, 'after more than one attempt');
        assert.match(p0?.retrying?.reason ?? '', /500|Service|Exception/);

        // The retrying partition fetches nothing, yet its lag follows the real high watermark.
        await produce(topic, records(10, 15, [0]));
        const lagOf0 = () =>
          connectorStatusBody(name, engine.status, 'w').tasks[0].partitions.find(
            (p) => p.partition === 0,
          )?.lag;
        assert.ok(
          await eventually(() => lagOf0() === 15, 15_000),
          `lag of partition 0: ${lagOf0()}`,
        );

        lambda.setFaults(fn, {});
        await expectCommitted(groupId, topic, { 0: 15 }, 15_000);
        const after = connectorStatusBody(name, engine.status, 'w');
        const p0After = after.tasks[0].partitions.find((p) => p.partition === 0);
        assert.equal(p0After?.retrying, undefined, 'no longer retrying once answered');
      },
    );
    const succeeded = recordInvocations(lambda, fn)
      .filter((i) => i.statusCode === 200)
      .flatMap((i) => (i.event as Array<{ payload: { partition: number } }>).map((e) => e.payload));
    assert.equal(succeeded.length, 15 + 3 * 110, 'every record invoked successfully, once');
    assert.deepEqual(
      [...new Set(invokedOffsets(lambda, fn, 0))].sort((a, b) => a - b),
      Array.from({ length: 15 }, (_, i) => i),
    );
  });
});
