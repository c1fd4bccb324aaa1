import { testKafka } from '../../test/support/kafka';
import { RECORD_BYTES } from './backlog';
import { sleep } from './stats';

/** A ~1 KB value carrying its produce time, as benchmark 4's function and consumers read it. */
export function timedValue(seq: number, warmup: boolean): string {
  const head = `{"seq":${seq},"t":${Date.now()},"warmup":${warmup},"pad":"`;
  const tail = '"}';
  return head + 'x'.repeat(RECORD_BYTES - head.length - tail.length) + tail;
}

/**
 * Produces `ratePerSecond` records for `warmupMs` (marked warmup) and then for `runMs`, on a
 * fixed schedule (a slow send does not delay the next one), each stamped just before its send.
 * Returns how many measured (non-warmup) records were sent.
 */
export async function trickle(
  topic: string,
  ratePerSecond: number,
  warmupMs: number,
  runMs: number,
): Promise<number> {
  const producer = testKafka('bench-trickle').producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const interval = 1000 / ratePerSecond;
  const warmupCount = Math.round((warmupMs / 1000) * ratePerSecond);
  const total = warmupCount + Math.round((runMs / 1000) * ratePerSecond);
  const sends: Promise<unknown>[] = [];
  try {
    const started = Date.now();
    for (let seq = 0; seq < total; seq++) {
      const wait = started + seq * interval - Date.now();
      if (wait > 0) await sleep(wait);
      sends.push(
        producer.send({
          topic,
          acks: -1,
          messages: [{ key: `k${seq}`, value: timedValue(seq, seq < warmupCount) }],
        }),
      );
    }
    await Promise.all(sends);
  } finally {
    await producer.disconnect();
  }
  return total - warmupCount;
}
