import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { committedOffsets, eventually } from '../support/kafka';
import { invocationCounts, startLambda } from '../support/sink';
import { prepareBacklog } from '../support/backlog';
import { spawnSink } from '../support/sink-process';

describe('SIGTERM', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('drains in-flight work, commits it, exits 0; a restart neither loses nor repeats a record', async () => {
    const partitions = 3;
    const perPartition = 400;
    const {
      topic,
      functionName: fn,
      configFile,
      groupId,
    } = await prepareBacklog(lambda, {
      prefix: 'sigterm',
      partitions,
      perPartition,
      latencyMs: 40,
      overrides: { 'aws.lambda.batch.size': '10' },
    });

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
