import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { committedOffsets, eventually } from '../support/kafka';
import { invocationCounts, startLambda } from '../support/sink';
import { prepareBacklog } from '../support/backlog';
import { spawnSink } from '../support/sink-process';

/** The offsets invoked per partition. */
const seen = (lambda: LambdaLocal, fn: string) => {
  const offsets = new Map<number, Set<number>>();
  for (const key of invocationCounts(lambda, fn).keys()) {
    const [partition, offset] = key.split('@').map(Number);
    if (!offsets.has(partition)) offsets.set(partition, new Set());
    offsets.get(partition)?.add(offset);
  }
  return offsets;
};

describe('a sink killed with SIGKILL mid-stream', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('loses nothing: every offset is invoked at least once, and no commit passes an uninvoked record', async () => {
    const partitions = 3;
    const perPartition = 1000;
    const {
      topic,
      functionName: fn,
      configFile,
      groupId,
    } = await prepareBacklog(lambda, {
      prefix: 'crash',
      partitions,
      perPartition,
      latencyMs: 15,
      overrides: { 'aws.lambda.batch.size': '10' },
    });
    const invokedCount = () => [...seen(lambda, fn).values()].reduce((n, s) => n + s.size, 0);

    for (let kill = 1; kill <= 4; kill++) {
      const sink = spawnSink(configFile);
      const before = invokedCount();
      // Let it make some progress, then kill it at a moment that differs per round.
      const progressed = await eventually(() => invokedCount() >= before + 50 * kill, 60_000, 20);
      assert.ok(progressed, `round ${kill} made progress:\n${sink.output()}`);
      await new Promise((r) => setTimeout(r, 37 * kill));
      sink.child.kill('SIGKILL');
      await sink.exited;
      const committed = await committedOffsets(groupId, topic);
      const invoked = seen(lambda, fn);
      for (const [partition, next] of committed) {
        for (let offset = 0; offset < next; offset++) {
          assert.ok(
            invoked.get(partition)?.has(offset),
            `committed ${partition}@${next} passes uninvoked offset ${offset}`,
          );
        }
      }
    }

    const last = spawnSink(configFile);
    try {
      assert.ok(
        await eventually(() => invokedCount() >= partitions * perPartition, 90_000),
        last.output(),
      );
      const invoked = seen(lambda, fn);
      for (let p = 0; p < partitions; p++) {
        for (let offset = 0; offset < perPartition; offset++) {
          assert.ok(invoked.get(p)?.has(offset), `offset ${p}@${offset} was invoked`);
        }
      }
      assert.ok(
        await eventually(
          async () =>
            [...(await committedOffsets(groupId, topic)).values()].every((o) => o === perPartition),
          30_000,
        ),
        'all offsets committed at the end',
      );
    } finally {
      last.child.kill('SIGTERM');
      assert.equal(await last.exited, 0, `SIGTERM exits 0:\n${last.output()}`);
    }
  });
});
