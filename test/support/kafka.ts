import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type IHeaders, type Message } from 'kafkajs';

/** The broker the integration tests use: `npm test` starts the project's own, or honours KAFKA_BOOTSTRAP_SERVERS. */
export const bootstrapServers = process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092';

export function testKafka(clientId = 'test'): Kafka {
  return new Kafka({ clientId, brokers: bootstrapServers.split(','), logLevel: logLevel.NOTHING });
}

/** A topic name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = testKafka('test-admin').admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

export async function createTopic(topic: string, numPartitions = 1): Promise<string> {
  await withAdmin((admin) =>
    admin.createTopics({
      topics: [{ topic, numPartitions, replicationFactor: 1 }],
      waitForLeaders: true,
    }),
  );
  return topic;
}

export async function produce(topic: string, messages: Message[]): Promise<void> {
  const producer = testKafka('test-producer').producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 5000) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 5000) });
    }
  } finally {
    await producer.disconnect();
  }
}

export interface ConsumedRecord {
  partition: number;
  offset: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

/** Reads a topic from the beginning until `count` records arrived or `timeoutMs` passed. */
export async function consumeAll(
  topic: string,
  count: number,
  timeoutMs = 20_000,
): Promise<ConsumedRecord[]> {
  const consumer = testKafka('test-reader').consumer({ groupId: uniqueName('test-reader') });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          records.push({
            partition,
            offset: Number(message.offset),
            key: message.key,
            value: message.value,
            headers: message.headers ?? {},
          });
          if (records.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** The group's committed next-offset per partition of `topic` (-1 where nothing is committed). */
export async function committedOffsets(
  groupId: string,
  topic: string,
): Promise<Map<number, number>> {
  const result = await withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
  const offsets = new Map<number, number>();
  for (const p of result[0]?.partitions ?? []) offsets.set(p.partition, Number(p.offset));
  return offsets;
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns its last answer. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
  stepMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return check();
}
