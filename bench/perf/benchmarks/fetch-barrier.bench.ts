import type { Consumer, EachBatchPayload } from 'kafkajs';
import { testKafka, uniqueName } from '../../../test/support/kafka';
import { fillTopic } from '../backlog';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import type { Figure } from '../results';
import { sleep } from '../stats';

const PARTITIONS = 2;
const RECORDS = 400;
/** One "invocation" per record, this long: the second member joins while the first is busy. */
const CALL_MS = 40;
const SECOND_MEMBER_AFTER_MS = 1500;
const RUN_MS = 9000;

type Design = 'handler-waits' | 'early-return';

interface Call {
  member: string;
  partition: number;
  offset: number;
  start: number;
  end: number;
}

/**
 * Why the sink keeps kafkajs' fetch barrier: the same one-call-at-a-time work per partition,
 * by two designs, while a second group member joins mid-run. `handler-waits` (the sink's): the
 * batch handler returns once its records are finished and committed, so kafkajs rejoins only
 * after that. `early-return` (fetching decoupled from processing): the handler queues the records
 * and returns, so the next fetch need not wait — and kafkajs rejoins while the queue still runs.
 * Counted: moments where two members were invoking records of one partition at once.
 */
export const fetchBarrierBenchmark: Benchmark = {
  name: 'fetch-barrier',
  title: 'Fetch barrier: two members on one partition when fetching is decoupled from processing',
  async run(ctx: BenchContext) {
    const figures: Figure[] = [];
    const details: Record<string, unknown> = {};
    for (const design of ['handler-waits', 'early-return'] as const) {
      const topic = await ctx.topics.create(`bench-barrier-${design}`, PARTITIONS);
      await fillTopic(topic, PARTITIONS, RECORDS);
      ctx.log(`fetch-barrier: ${design}`);
      const calls = await runTwoMembers(topic, design);
      const overlaps = overlappingCalls(calls);
      figures.push({
        bench: 'fetch-barrier',
        figure: `${design}: calls overlapping another member's on the same partition`,
        value: overlaps,
        unit: '',
        goal: design === 'handler-waits' ? { op: '<=', target: 0 } : undefined,
        note: `${calls.length} calls for ${RECORDS} records by 2 members over ${PARTITIONS} partitions; the second joined after ${SECOND_MEMBER_AFTER_MS} ms`,
      });
      details[design] = { calls: calls.length, overlaps };
    }
    return { figures, details };
  },
};

async function runTwoMembers(topic: string, design: Design): Promise<Call[]> {
  const groupId = uniqueName('bench-barrier');
  const calls: Call[] = [];
  const members: Consumer[] = [];
  const start = async (member: string) => {
    // Early return: each partition's queued work runs one call at a time, in fetch order.
    const queues = new Map<number, Promise<void>>();
    const consumer = testKafka(member).consumer({
      groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 500,
      maxBytesPerPartition: 64 * 1024,
    });
    members.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS,
      eachBatch: (payload) => handle(consumer, member, payload, design, calls, queues),
    });
  };
  try {
    await start('member-a');
    await sleep(SECOND_MEMBER_AFTER_MS);
    await start('member-b');
    await sleep(RUN_MS - SECOND_MEMBER_AFTER_MS);
  } finally {
    await Promise.all(members.map((m) => m.disconnect().catch(() => undefined)));
  }
  return calls;
}

async function handle(
  consumer: Consumer,
  member: string,
  { batch, heartbeat, isRunning, isStale, resolveOffset }: EachBatchPayload,
  design: Design,
  calls: Call[],
  queues: Map<number, Promise<void>>,
): Promise<void> {
  const work = async () => {
    for (const message of batch.messages) {
      if (design === 'handler-waits' && (!isRunning() || isStale())) return;
      const begin = Date.now();
      await sleep(CALL_MS);
      calls.push({
        member,
        partition: batch.partition,
        offset: Number(message.offset),
        start: begin,
        end: Date.now(),
      });
      const next = String(Number(message.offset) + 1);
      await consumer
        .commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }])
        .catch(() => undefined);
      if (design === 'handler-waits') await heartbeat().catch(() => undefined);
    }
  };
  if (design === 'handler-waits') return work();
  // Decoupled: the records are queued behind the partition's earlier work and resolved at once,
  // so kafkajs fetches the next ones without waiting; commits still follow the finished calls.
  queues.set(batch.partition, (queues.get(batch.partition) ?? Promise.resolve()).then(work));
  for (const message of batch.messages) resolveOffset(message.offset);
  return Promise.resolve();
}

/** Calls of one member that ran while another member had a call on the same partition. */
function overlappingCalls(calls: Call[]): number {
  let overlaps = 0;
  for (const a of calls) {
    if (
      calls.some(
        (b) =>
          b.member !== a.member &&
          b.partition === a.partition &&
          b.start < a.end &&
          a.start < b.end,
      )
    )
      overlaps++;
  }
  return overlaps;
}
