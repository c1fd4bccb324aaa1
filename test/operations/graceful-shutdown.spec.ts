import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { committedOffsets, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invocationCounts, sinkProperties, startLambda } from '../support/sink';
import { spawnSink, writePropertiesFile } from '../support/sink-process';

describe('SIGTERM', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('drains in-flight work, commits it, exits 0; a restart neither loses nor repeats a record', async () => {
    const partitions = 3;
    const perPartition = 400;
    const topic = await createTopic(uniqueName('sigterm'), partitions);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => {
      await new Promise((r) => setTimeout(r, 40));
      return (event as unknown[]).map(() => 'ok');
    });
    await produce(
      topic,
      Array.from({ length: partitions * perPartition }, (_, i) => ({
        value: `v${i}`,
        partition: i % partitions,
      })),
    );
    const properties = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.batch.size': '10',
      listeners: 'http://127.0.0.1:0',
    });
    const configFile = writePropertiesFile(properties);
    const groupId = `connect-${properties.name}`;

    const first = spawnSink(configFile);
    assert.ok(
      await eventually(() => invocationCounts(lambda, fn).size >= 200, 30_000),
      first.output(),
    );
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0, first.output());

    // Everything invoked before the stop is committed: the committed offset is exactly the
    // first offset never invoked, on every partition.
    const counts = invocationCounts(lambda, fn);
    const committed = await committedOffsets(groupId, topic);
    for (let p = 0; p < partitions; p++) {
      let next = 0;
      while (counts.has(`${p}@${next}`)) next++;
      assert.equal(committed.get(p), next, `partition ${p} committed where invocation stopped`);
    }

    const second = spawnSink(configFile);
    try {
      assert.ok(
        await eventually(
          () => invocationCounts(lambda, fn).size >= partitions * perPartition,
          60_000,
        ),
        second.output(),
      );
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0, second.output());
    }
    const final = invocationCounts(lambda, fn);
    const lost = partitions * perPartition - final.size;
    const duplicated = [...final.values()].filter((n) => n > 1).length;
    assert.deepEqual({ lost, duplicated }, { lost: 0, duplicated: 0 });
  });
});
