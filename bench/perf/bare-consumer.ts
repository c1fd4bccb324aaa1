import { testKafka, uniqueName } from '../../test/support/kafka';
import type { BenchContext } from './bench-context';
import { measure, type RunMeasure } from './run-measure';
import { sleep } from './stats';

export interface BareConsumerOptions {
  maxBytesPerPartition: number;
  maxBytes: number;
  timeoutMs: number;
}

/**
 * The baseline: a plain kafkajs `eachBatch` consumer (auto-resolve, auto-commit) that does
 * nothing with the records, draining `topic` from the beginning under a fresh group id.
 */
export async function drainWithBareConsumer(
  ctx: BenchContext,
  topic: string,
  expected: number,
  options: BareConsumerOptions,
): Promise<RunMeasure> {
  const consumer = testKafka('bench-bare').consumer({
    groupId: uniqueName('bench-bare'),
    maxBytesPerPartition: options.maxBytesPerPartition,
    maxBytes: options.maxBytes,
    maxWaitTimeInMs: 1000,
  });
  let records = 0;
  let firstRecords = 0;
  let firstAt = 0;
  let lastAt = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.connect();
  const cpuBefore = ctx.cpu();
  const startedAt = Date.now();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        if (records === 0) {
          firstAt = now;
          firstRecords = batch.messages.length;
        }
        records += batch.messages.length;
        lastAt = now;
        if (records >= expected) done();
      },
    });
    const timedOut = await Promise.race([
      finished.then(() => false),
      sleep(options.timeoutMs).then(() => true),
    ]);
    const cpuAfter = ctx.cpu();
    return measure(
      'bare kafkajs',
      { records, firstRecords, startedAt, firstAt, lastAt },
      cpuBefore,
      cpuAfter,
      {
        timedOut,
      },
    );
  } finally {
    await consumer.disconnect();
  }
}
