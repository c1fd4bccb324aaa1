import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import type { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import { committedOffsets, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda, startSink } from '../support/sink';

const assignedPartitions = (engine: LambdaSinkEngine) =>
  engine.status.tasks.flatMap((t) => [...t.partitions.values()].map((p) => p.partition)).sort();

describe('two instances with the same name', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('split the partitions, and when one stops the other takes them over without loss', async () => {
    const partitions = 6;
    const topic = await createTopic(uniqueName('scale'), partitions);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => {
      await new Promise((r) => setTimeout(r, 10));
      return (event as unknown[]).map(() => 'ok');
    });
    const properties = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.batch.size': '10',
    });
    let sequence = 0;
    const produceSome = (n: number) =>
      produce(
        topic,
        Array.from({ length: n }, () => ({
          value: `seq-${sequence}`,
          partition: sequence++ % partitions,
        })),
      );

    const a = await startSink(properties);
    await produceSome(300);
    const b = await startSink(properties);
    try {
      assert.ok(
        await eventually(
          () =>
            assignedPartitions(a).length > 0 &&
            assignedPartitions(b).length > 0 &&
            assignedPartitions(a).length + assignedPartitions(b).length === partitions,
          30_000,
        ),
        `split: a=${assignedPartitions(a)} b=${assignedPartitions(b)}`,
      );
      assert.equal(
        new Set([...assignedPartitions(a), ...assignedPartitions(b)]).size,
        partitions,
        'no partition on both',
      );
      await produceSome(300);
      await a.stop();
      await produceSome(300);
      assert.ok(
        await eventually(() => assignedPartitions(b).length === partitions, 30_000),
        `b has ${assignedPartitions(b)}`,
      );
      const invokedSequences = () =>
        new Set(
          recordInvocations(lambda, fn).flatMap((i) =>
            (i.event as Array<{ payload: { value: string } }>).map((e) => e.payload.value),
          ),
        );
      assert.ok(await eventually(() => invokedSequences().size >= sequence, 30_000));
      const lost = Array.from({ length: sequence }, (_, i) => `seq-${i}`).filter(
        (s) => !invokedSequences().has(s),
      );
      assert.deepEqual(lost, []);
      assert.ok(
        await eventually(async () => {
          const committed = await committedOffsets(`connect-${properties.name}`, topic);
          return [...committed.values()].reduce((n, o) => n + Math.max(0, o), 0) === sequence;
        }, 20_000),
        'every record committed',
      );
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
