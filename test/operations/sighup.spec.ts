import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { committedOffsets, eventually } from '../support/kafka';
import { invocationCounts, startLambda } from '../support/sink';
import { prepareBacklog } from '../support/backlog';
import { spawnSink } from '../support/sink-process';

describe('SIGHUP (a closed terminal, a dropped ssh session)', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('drains like SIGTERM: in-flight work committed, exit 0', async () => {
    const {
      topic,
      functionName: fn,
      configFile,
      groupId,
    } = await prepareBacklog(lambda, {
      prefix: 'sighup',
      partitions: 2,
      perPartition: 200,
      latencyMs: 40,
      overrides: { 'aws.lambda.batch.size': '10' },
    });
    const sink = spawnSink(configFile);
    assert.ok(
      await eventually(() => invocationCounts(lambda, fn).size >= 60, 30_000),
      sink.output(),
    );
    sink.child.kill('SIGHUP');
    assert.equal(await sink.exited, 0, sink.output());
    assert.match(sink.output(), /received SIGHUP, draining/);
    const counts = invocationCounts(lambda, fn);
    const committed = await committedOffsets(groupId, topic);
    for (let p = 0; p < 2; p++) {
      let next = 0;
      while (counts.has(`${p}@${next}`)) next++;
      assert.equal(committed.get(p), next, `partition ${p} committed where invocation stopped`);
    }
  });
});
