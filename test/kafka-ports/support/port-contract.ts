import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  BatchSession,
  FetchedBatch,
  GroupConsumerEvents,
  GroupConsumerPort,
  KafkaClientPort,
  KafkaConnectionSettings,
} from '../../../libs/lambda-sink/src';
import { bootstrapServers, eventually, uniqueName } from '../../support/kafka';

/** Settings quick enough for tests: a lost member is noticed in seconds. */
const CONSUMER_TUNING = {
  sessionTimeoutMs: 6_000,
  rebalanceTimeoutMs: 10_000,
  heartbeatIntervalMs: 1_000,
  maxBytesPerPartition: 1_048_576,
  maxBytes: 10_485_760,
  metadataMaxAgeMs: 1_000,
  partitionsConsumedConcurrently: 8,
};

/** What one member saw: every batch, in arrival order, with the events it got. */
interface Member {
  consumer: GroupConsumerPort;
  batches: FetchedBatch[];
  joins: Array<Record<string, number[]>>;
  /** `topic-partition@offset` of every message handed over. */
  seen: () => string[];
}

/**
 * What the sink needs from a Kafka client, as behaviour a client adapter must show against a
 * real broker. Every adapter of `KafkaClientPort` runs this suite (see kafkajs.contract.spec.ts);
 * it uses nothing but the ports, so a second client library is checked by the same cases.
 */
export function describeKafkaPortContract(
  adapterName: string,
  makeClient: (settings: KafkaConnectionSettings) => KafkaClientPort,
): void {
  describe(`Kafka ports contract: ${adapterName}`, () => {
    const client = makeClient({ clientId: 'contract', brokers: bootstrapServers.split(',') });
    const admin = client.admin();
    const producer = client.producer();
    const members: GroupConsumerPort[] = [];

    before(async () => {
      await admin.connect();
      await producer.connect();
    });
    after(async () => {
      await Promise.all(members.map((m) => m.disconnect().catch(() => undefined)));
      await producer.disconnect();
      await admin.disconnect();
    });

    async function topicWith(partitions: number, perPartition: number): Promise<string> {
      const topic = uniqueName('contract');
      await admin.createTopics([{ topic, numPartitions: partitions, replicationFactor: 1 }]);
      if (perPartition > 0) {
        await producer.send(
          topic,
          Array.from({ length: partitions * perPartition }, (_, i) => ({
            key: `k${i}`,
            value: `v${i}`,
          })),
        );
      }
      return topic;
    }

    async function member(
      groupId: string,
      topics: (string | RegExp)[],
      handle: (batch: FetchedBatch, session: BatchSession, m: Member) => Promise<void> = async (
        batch,
        session,
      ) => {
        for (const message of batch.messages) session.resolveOffset(message.offset);
      },
      events: GroupConsumerEvents = {},
    ): Promise<Member> {
      const m: Member = {
        consumer: undefined as unknown as GroupConsumerPort,
        batches: [],
        joins: [],
        seen: () =>
          m.batches.flatMap((b) => b.messages.map((x) => `${b.topic}-${b.partition}@${x.offset}`)),
      };
      m.consumer = client.groupConsumer(
        { groupId, ...CONSUMER_TUNING },
        { ...events, onGroupJoin: (assignment) => m.joins.push(assignment) },
      );
      members.push(m.consumer);
      await m.consumer.connect();
      await m.consumer.subscribe(topics, true);
      await m.consumer.run(async (batch, session) => {
        m.batches.push(batch);
        await handle(batch, session, m);
      });
      return m;
    }

    it('admin: creates topics, lists them with their partitions, and reads watermarks', async () => {
      const topic = await topicWith(3, 0);
      assert.ok((await admin.listTopics()).includes(topic));
      assert.deepEqual((await admin.topicPartitions([topic])).get(topic)?.sort(), [0, 1, 2]);
      assert.ok((await admin.brokerCount()) >= 1);
      await producer.send(topic, [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ]);
      const marks = await admin.watermarks(topic);
      assert.equal(marks.length, 3);
      assert.equal(
        marks.reduce((n, p) => n + p.high - p.low, 0),
        2,
        'two records across the partitions',
      );
    });

    it('producer: keys, values, null values and repeated headers arrive as written', async () => {
      const topic = await topicWith(1, 0);
      await producer.send(topic, [
        { key: 'k', value: 'v', headers: { h: ['x', 'y'], one: Buffer.from('z') } },
        { key: null, value: null },
      ]);
      const m = await member(uniqueName('contract-g'), [topic]);
      assert.ok(await eventually(() => m.seen().length === 2, 20_000));
      const [first, second] = m.batches.flatMap((b) => b.messages);
      assert.equal(first.key?.toString(), 'k');
      assert.equal(first.value?.toString(), 'v');
      const repeated = first.headers?.h;
      assert.deepEqual(
        (Array.isArray(repeated) ? repeated : [repeated]).map(String),
        ['x', 'y'],
        'a repeated header keeps both values, in order',
      );
      assert.equal(String(first.headers?.one), 'z');
      assert.equal(second.key, null);
      assert.equal(second.value, null, 'a tombstone stays null');
      assert.ok(Number(first.timestamp) > 0);
    });

    it('producer: a record that cannot be encoded is classified as such, never as an outage', async () => {
      const topic = await topicWith(1, 0);
      const bad = { key: 'k', value: 'v', headers: { h: null as unknown as string } };
      const error = await producer.send(topic, [bad]).then(
        () => undefined,
        (e: unknown) => e,
      );
      // A client that can send null header values passes by sending it; one that cannot must
      // say the record is unencodable (a retry cannot help), not that the broker is away.
      if (error !== undefined) assert.equal(producer.classify(error).kind, 'unencodable');
    });

    it('group consumer: batches per partition in offset order; only resolved and committed offsets count', async () => {
      const topic = await topicWith(2, 20);
      const groupId = uniqueName('contract-g');
      const m = await member(groupId, [topic], async (batch, session, self) => {
        for (const message of batch.messages) session.resolveOffset(message.offset);
        const last = batch.messages.at(-1);
        if (last) await self.consumer.commit(batch.topic, batch.partition, Number(last.offset) + 1);
      });
      assert.ok(await eventually(() => m.seen().length === 40, 20_000), m.seen().join(','));
      for (const p of [0, 1]) {
        const offsets = m.batches
          .filter((b) => b.partition === p)
          .flatMap((b) => b.messages.map((x) => Number(x.offset)));
        assert.deepEqual(
          offsets,
          [...offsets].sort((a, b) => a - b),
          `partition ${p} in order`,
        );
        assert.equal(new Set(offsets).size, offsets.length, 'nothing delivered twice');
      }
      assert.ok(
        m.batches.every((b) => Number(b.highWatermark) >= Number(b.messages.at(-1)?.offset)),
      );
      assert.deepEqual(m.joins.at(-1)?.[topic]?.sort(), [0, 1], 'the join names the assignment');
      const committed = await admin.committedOffsets(groupId, [topic]);
      assert.equal(
        committed.reduce((n, c) => n + (c.offset ?? 0), 0),
        40,
      );
    });

    it('group consumer: an unresolved batch is fetched again; a sought partition restarts there', async () => {
      const topic = await topicWith(1, 5);
      let calls = 0;
      const m = await member(uniqueName('contract-g'), [topic], async (batch, session, self) => {
        calls++;
        // First batch: resolve nothing. Second: resolve all, then seek back to 3 once.
        if (calls === 1) return;
        for (const message of batch.messages) session.resolveOffset(message.offset);
        if (calls === 2) self.consumer.seek(batch.topic, batch.partition, '3');
      });
      assert.ok(await eventually(() => calls >= 3, 20_000));
      const firsts = m.batches.map((b) => b.messages[0]?.offset);
      assert.deepEqual(firsts.slice(0, 3), ['0', '0', '3']);
    });

    it('group consumer: a paused partition gets nothing while the others go on; resume continues it', async () => {
      const topic = await topicWith(2, 0);
      let paused = false;
      const m = await member(uniqueName('contract-g'), [topic], async (batch, session, self) => {
        for (const message of batch.messages) session.resolveOffset(message.offset);
        if (!paused && batch.partition === 0) {
          paused = true;
          self.consumer.pause([{ topic, partitions: [0] }]);
        }
      });
      assert.ok(await eventually(() => m.joins.length > 0, 20_000));
      await producer.send(
        topic,
        Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: 'x' })),
      );
      assert.ok(await eventually(() => paused, 20_000));
      const before = m.seen().filter((s) => s.startsWith(`${topic}-0@`)).length;
      await producer.send(
        topic,
        Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: 'y' })),
      );
      assert.ok(
        await eventually(
          () => m.seen().filter((s) => s.startsWith(`${topic}-1@`)).length > 0,
          20_000,
        ),
        'the other partition goes on',
      );
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(m.seen().filter((s) => s.startsWith(`${topic}-0@`)).length, before, 'paused');
      m.consumer.resume([{ topic, partitions: [0] }]);
      const marks = await admin.watermarks(topic);
      const high0 = marks.find((p) => p.partition === 0)?.high ?? 0;
      assert.ok(
        await eventually(
          () => m.seen().filter((s) => s.startsWith(`${topic}-0@`)).length === high0,
          20_000,
        ),
        'resumed to the end',
      );
    });

    it('group consumer: subscribes by pattern, and a second member takes partitions over after a rebalance notice', async () => {
      const prefix = uniqueName('contract-re');
      const topic = `${prefix}-a`;
      await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
      const groupId = uniqueName('contract-g');
      let rebalanced = false;
      const first = await member(groupId, [new RegExp(`^${prefix}-.*$`)], undefined, {
        onRebalancing: () => (rebalanced = true),
      });
      assert.ok(await eventually(() => first.joins.length > 0, 20_000));
      assert.deepEqual(first.joins.at(-1)?.[topic]?.sort(), [0, 1]);
      const second = await member(groupId, [new RegExp(`^${prefix}-.*$`)]);
      assert.ok(
        await eventually(() => second.joins.some((j) => (j[topic]?.length ?? 0) > 0), 30_000),
        'the second member gets a share',
      );
      assert.ok(
        await eventually(() => first.joins.at(-1)?.[topic]?.length === 1, 30_000),
        'the first member rejoins with one partition',
      );
      assert.ok(rebalanced, 'after being told the group is rebalancing');
    });
  });
}
