import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import {
  invokedRecordCount,
  recordInvocations,
  sinkProperties,
  startLambda,
  startSink,
} from '../support/sink';

interface Coordinates {
  topic: string;
  partition: number;
  offset: number;
}

const coordinatesOf = (event: unknown) =>
  (event as Array<{ payload: Coordinates }>).map((e) => e.payload);

describe('batches sent to Lambda', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('hold one topic-partition each, strictly increasing offsets, at most aws.lambda.batch.size records', async () => {
    const topic = await createTopic(uniqueName('batching'), 3);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async () => 'ok');
    const total = 300;
    await produce(
      topic,
      Array.from({ length: total }, (_, i) => ({ value: `v${i}`, partition: i % 3 })),
    );
    const sink = await startSink(
      sinkProperties(lambda, {
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.batch.size': '7',
      }),
    );
    try {
      const invoked = () => invokedRecordCount(lambda, fn);
      assert.ok(await eventually(() => invoked() >= total));
      const next = new Map<number, number>();
      for (const invocation of recordInvocations(lambda, fn)) {
        const batch = coordinatesOf(invocation.event);
        assert.ok(batch.length >= 1 && batch.length <= 7, `batch of ${batch.length}`);
        assert.equal(
          new Set(batch.map((c) => `${c.topic}-${c.partition}`)).size,
          1,
          'one partition per batch',
        );
        for (let i = 1; i < batch.length; i++)
          assert.equal(batch[i].offset, batch[i - 1].offset + 1);
        const partition = batch[0].partition;
        assert.equal(
          batch[0].offset,
          next.get(partition) ?? 0,
          'batches follow each other in offset order',
        );
        next.set(partition, batch[batch.length - 1].offset + 1);
      }
      assert.deepEqual([...next.values()], [100, 100, 100]);
    } finally {
      await sink.stop();
    }
  });

  it('are cut before the serialized request passes the async 1 MB limit, and a record too large alone is a data error', async () => {
    const topic = await createTopic(uniqueName('bytes'));
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async () => 'ok');
    const big = 'x'.repeat(300_000);
    const values = [big, big, big, big, 'y'.repeat(1_100_000), big];
    await produce(
      topic,
      values.map((value) => ({ value })),
    );
    const sink = await startSink(
      sinkProperties(lambda, {
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.lambda.invocation.type': 'async',
        'aws.lambda.batch.size': '100',
        'behavior.on.error': 'log',
        'reporter.error.topic.name': `${topic}-errors`,
      }),
    );
    try {
      const offsets = () =>
        recordInvocations(lambda, fn).flatMap((i) => coordinatesOf(i.event).map((c) => c.offset));
      assert.ok(await eventually(() => offsets().includes(5)));
      for (const invocation of recordInvocations(lambda, fn)) {
        assert.ok(
          invocation.payloadBytes <= 1_048_576,
          `request of ${invocation.payloadBytes} bytes`,
        );
        assert.equal(invocation.invocationType, 'Event');
      }
      assert.deepEqual(offsets(), [0, 1, 2, 3, 5], 'the oversized record 4 is never sent');
      assert.ok(
        recordInvocations(lambda, fn).length >= 3,
        'four 300 KB records need more than one 1 MB request',
      );
    } finally {
      await sink.stop();
    }
  });
});
