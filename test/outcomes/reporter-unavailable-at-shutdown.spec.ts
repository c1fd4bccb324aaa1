import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda, startSink } from '../support/sink';
import { startProxyToBroker, type KafkaProxy } from './support/kafka-proxy';
import {
  committedOf,
  expectCommitted,
  invokedOffsets,
  recordCount,
  withSink,
} from './support/outcomes';

describe("a sink stopped while its reporter's broker is unavailable", () => {
  let lambda: LambdaLocal;
  let proxy: KafkaProxy;
  before(async () => {
    lambda = await startLambda();
    proxy = await startProxyToBroker();
  });
  after(async () => {
    await proxy.stop();
    await lambda.close();
  });

  it('stops within shutdown.timeout.ms without committing the unacknowledged batch, which the next run delivers', async () => {
    const topic = await createTopic(uniqueName('reporter-down-stop'));
    const fn = 'success';
    const properties = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      'reporter.bootstrap.servers': proxy.address,
      'reporter.error.topic.name': '',
      'shutdown.timeout.ms': '1000',
    });
    const groupId = `connect-${properties.name}`;
    const resultTopic = `${properties.name}-success`;

    const sink = await startSink(properties);
    let stopMs: number;
    try {
      await produce(topic, [{ value: 'v0' }, { value: 'v1' }]);
      await expectCommitted(groupId, topic, { 0: 2 });
      await proxy.stop();
      await produce(topic, [{ value: 'v2' }, { value: 'v3' }]);
      assert.ok(await eventually(() => invokedOffsets(lambda, fn).includes(3)));
    } finally {
      const stopping = Date.now();
      await sink.stop();
      stopMs = Date.now() - stopping;
    }
    assert.ok(stopMs < 8000, `stopped in ${stopMs} ms, not after the producer's own retries`);
    assert.equal(await committedOf(groupId, topic), 2, 'the unacknowledged batch is not committed');

    await proxy.start();
    await withSink(properties, async () => {
      await expectCommitted(groupId, topic, { 0: 4 });
    });
    assert.deepEqual(
      invokedOffsets(lambda, fn),
      [0, 1, 2, 3, 2, 3],
      'delivered again, not skipped',
    );
    assert.ok((await recordCount(resultTopic)) >= 4);
  });
});
