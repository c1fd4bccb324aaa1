import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  committedOffsets,
  consumeAll,
  createTopic,
  produce,
  uniqueName,
  withAdmin,
} from '../support/kafka';

describe('the local Kafka broker', () => {
  it('describes a cluster of one broker through the kafkajs admin client', async () => {
    const cluster = await withAdmin((admin) => admin.describeCluster());
    assert.equal(cluster.brokers.length, 1);
  });

  it('reads back with kafkajs what kafkajs produced, keys, values and headers intact', async () => {
    const topic = await createTopic(uniqueName('roundtrip'), 2);
    const messages = Array.from({ length: 50 }, (_, i) => ({
      key: `k${i}`,
      value: `v${i}`,
      partition: i % 2,
      headers: { seq: String(i) },
    }));
    await produce(topic, messages);
    const records = await consumeAll(topic, 50);
    assert.equal(records.length, 50);
    const values = records.map((r) => r.value?.toString()).sort();
    assert.deepEqual(values, messages.map((m) => m.value).sort());
    const first = records.find((r) => r.key?.toString() === 'k7');
    assert.equal(first?.headers.seq?.toString(), '7');
    assert.equal(first?.partition, 1);
  });

  it('reports the offsets a consumer group committed', async () => {
    const topic = await createTopic(uniqueName('offsets'));
    await produce(topic, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    const groupId = uniqueName('group');
    assert.equal((await committedOffsets(groupId, topic)).get(0), -1);
    await withAdmin((admin) =>
      admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '2' }] }),
    );
    const offsets = await committedOffsets(groupId, topic);
    assert.equal(offsets.get(0), 2);
  });
});
