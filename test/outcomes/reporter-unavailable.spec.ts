import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { startProxyToBroker, type KafkaProxy } from './support/kafka-proxy';
import {
  committedOf,
  expectCommitted,
  invokedOffsets,
  pause,
  recordCount,
  withSink,
} from './support/outcomes';

describe("the reporter's broker unavailable", () => {
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

  it('holds offsets back while result records cannot be acknowledged, and catches up once it is back', async () => {
    const topic = await createTopic(uniqueName('reporter-down'));
    const fn = 'success';
    const name = uniqueName('sink');
    const groupId = `connect-${name}`;
    const resultTopic = `${name}-success`;
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        // The reporter reaches "its" cluster only through the proxy; the consumer goes direct.
        'reporter.bootstrap.servers': proxy.address,
        'reporter.error.topic.name': '',
      }),
      async () => {
        // Up: results flow through the proxy, and offsets follow them.
        await produce(topic, [{ value: 'v0' }, { value: 'v1' }, { value: 'v2' }]);
        await expectCommitted(groupId, topic, { 0: 3 });
        assert.equal(await recordCount(resultTopic), 3);
        assert.ok(proxy.connectionsAccepted > 0, 'the reporter talked through the proxy');

        // Down: Lambda is still invoked, but nothing is committed past an unacknowledged result.
        await proxy.stop();
        await produce(topic, [{ value: 'v3' }, { value: 'v4' }]);
        assert.ok(await eventually(() => invokedOffsets(lambda, fn).includes(4)));
        // Long enough for many commit opportunities; the producer is still retrying inside kafkajs
        // (its give-up-and-retry path is covered by reporter-retrier.spec).
        await pause(3000);
        assert.equal(await committedOf(groupId, topic), 3, 'offsets do not advance');
        assert.equal(await recordCount(resultTopic), 3, 'and no result got through another way');

        // Back: the held results are written, then the offsets move on.
        await proxy.start();
        await expectCommitted(groupId, topic, { 0: 5 }, 30_000);
        assert.ok((await recordCount(resultTopic)) >= 5);
        await produce(topic, [{ value: 'v5' }]);
        await expectCommitted(groupId, topic, { 0: 6 });
      },
    );
    assert.deepEqual(
      invokedOffsets(lambda, fn),
      [0, 1, 2, 3, 4, 5],
      'waiting for the reporter never re-invokes',
    );
  });
});
