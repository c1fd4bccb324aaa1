import { uniqueName } from '../../../test/support/kafka';
import { fillTopic } from '../backlog';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import type { Figure } from '../results';
import { drainWithSink, type SinkDrain } from '../sink-runner';

const KEYS = 1000;
const LATENCY_MS = 100;
const BATCH_SIZE = 10;
const IN_FLIGHT = 16;
/** Issue 11: at least this share of in-flight × batch / latency = 16 × 10 / 0.1 s = 1,600/s. */
const KEYED_GOAL = 0.9;
const CEILING = (IN_FLIGHT * BATCH_SIZE) / (LATENCY_MS / 1000);

/**
 * 7. Parallelism inside one partition: one partition, 1,000 keys, a 100 ms function, batch 10.
 * `ordering=partition` is capped at batch / latency = 100 records/s whatever Lambda could take;
 * `ordering=key` with 16 invocations in flight per partition may reach 1,600/s while the endpoint
 * checks that every key's records arrive in offset order.
 */
export const keyedBenchmark: Benchmark = {
  name: 'keyed',
  title: '7. Keyed parallelism on one partition',
  async run(ctx: BenchContext) {
    const records = ctx.sizes.keyedRecords;
    const topic = await ctx.topics.create('bench-keyed', 1);
    await fillTopic(topic, 1, records, KEYS);
    const drain = (ordering: 'key' | 'partition', expected: number): Promise<SinkDrain> => {
      ctx.log(`keyed: ordering=${ordering}`);
      return drainWithSink(ctx, {
        label: `ordering=${ordering}`,
        topic,
        expected,
        kind: 'keyorder',
        faults: { latencyMs: LATENCY_MS },
        timeoutMs: ctx.sizes.drainTimeoutMs,
        properties: {
          name: uniqueName('bench-keyed'),
          'aws.lambda.batch.size': String(BATCH_SIZE),
          'aws.lambda.ordering': ordering,
          'aws.lambda.max.in.flight.per.partition': String(IN_FLIGHT),
        },
      });
    };
    const keyed = await drain('key', records);
    // At ~100 records/s, a tenth of the topic is enough to measure the partition mode's cap.
    const serial = await drain('partition', Math.min(records, 1500));
    const rate = (d: SinkDrain) => d.measure.recordsPerSecond;
    const figures: Figure[] = [
      {
        bench: 'keyed',
        figure: 'ordering=key, 16 in flight: records/s ÷ (16 × 10 / 0.1 s)',
        value: rate(keyed) / CEILING,
        unit: 'ratio',
        goal: { op: '>=', target: KEYED_GOAL },
        note: `${Math.round(rate(keyed))} records/s over ${keyed.stats.records} records, ${keyed.stats.invocations} invocations`,
      },
      {
        bench: 'keyed',
        figure: 'ordering=key: per-key order violations seen by the endpoint',
        value: keyed.stats.orderViolations,
        unit: 'records',
        goal: { op: '<=', target: 0 },
      },
      {
        bench: 'keyed',
        figure: 'ordering=partition (one in flight): records/s',
        value: rate(serial),
        unit: 'records/s',
        note: `the cap batch / latency is ${BATCH_SIZE / (LATENCY_MS / 1000)}/s; key ÷ partition = ${(rate(keyed) / rate(serial)).toFixed(1)}×`,
      },
    ];
    return { figures, details: { topic, keyed, serial } };
  },
};
