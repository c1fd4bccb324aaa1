import type { Message } from 'kafkajs';
import { createTopic, testKafka, uniqueName, withAdmin } from '../../test/support/kafka';

/** Size of each benchmark record's value (SPEC: "record sizes ~1 KB unless stated"). */
export const RECORD_BYTES = 1024;

/** Sends at once while filling; enough to keep the broker busy without queueing megabytes. */
const FILL_CONCURRENCY = 4;
const FILL_CHUNK = 2000;

/** A ~1 KB JSON value; letters and digits only, so JSON encoding adds nothing to its size. */
export function recordValue(seq: number, bytes = RECORD_BYTES): string {
  const head = `{"seq":${seq},"t":${Date.now()},"pad":"`;
  const tail = '"}';
  return head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}

/** Topics the run created, deleted at its end so repeated runs do not fill the broker's disk. */
export class TopicRegistry {
  private readonly topics = new Set<string>();

  async create(prefix: string, partitions: number): Promise<string> {
    const topic = await createTopic(uniqueName(prefix), partitions);
    this.topics.add(topic);
    return topic;
  }

  /** Also the result/error topics a sink created (`${name}-success`, `${name}-error`). */
  track(...topics: string[]): void {
    for (const t of topics) this.topics.add(t);
  }

  async deleteAll(): Promise<void> {
    if (this.topics.size === 0) return;
    const existing = new Set(await withAdmin((admin) => admin.listTopics()));
    const topics = [...this.topics].filter((t) => existing.has(t));
    this.topics.clear();
    if (topics.length > 0) await withAdmin((admin) => admin.deleteTopics({ topics }));
  }
}

/** Writes `count` ~1 KB records spread evenly over `partitions`, acks=all. Returns records/s. */
export async function fillTopic(
  topic: string,
  partitions: number,
  count: number,
  /** Records share this many keys (`k0`…); every record has its own key when unset. */
  keys?: number,
): Promise<number> {
  const producer = testKafka('bench-fill').producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const started = Date.now();
  try {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + FILL_CHUNK);
        const messages: Message[] = [];
        for (let seq = from; seq < next; seq++) {
          const key = `k${keys ? seq % keys : seq}`;
          messages.push({ key, value: recordValue(seq), partition: seq % partitions });
        }
        await producer.send({ topic, acks: -1, messages });
      }
    };
    await Promise.all(Array.from({ length: FILL_CONCURRENCY }, worker));
  } finally {
    await producer.disconnect();
  }
  return count / ((Date.now() - started) / 1000);
}

/** Per-partition end offsets summed: how many records the topic holds (from offset 0). */
export async function topicSize(topic: string): Promise<number> {
  const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  return offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
}
