import { testKafka, uniqueName } from '../../../test/support/kafka';
import { startSink } from '../../../test/support/sink';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import type { Figure } from '../results';
import { benchSinkProperties, withResultTopic } from '../sink-runner';
import { mean, percentile, sleep } from '../stats';
import { trickle } from '../trickle';

const PARTITIONS = 8;
/** The goal of issue 6 for the median produce→invoke time. */
const P50_GOAL_MS = 50;

/**
 * 4. Latency at low rate: a 50 records/s trickle into an idle sink (default configuration:
 * batch 20, result topic on). The function notes when each record reached it; the record
 * carries its produce time. A bare kafkajs consumer reads the same trickle under its own
 * group at the same time, for the floor Kafka and kafkajs set on this machine.
 */
export const latencyBenchmark: Benchmark = {
  name: 'latency',
  title: '4. Latency at low rate',
  async run(ctx: BenchContext) {
    const { latencyRatePerSecond: rate, latencyRunMs, latencyWarmupMs } = ctx.sizes;
    const topic = await ctx.topics.create('bench-latency', PARTITIONS);
    const fn = uniqueName('bench-latency-fn');
    await ctx.endpoint.register(fn, 'latency');
    const name = uniqueName('bench-latency');
    ctx.topics.track(`${name}-success`, `${name}-error`);
    const engine = await startSink(
      benchSinkProperties(ctx, {
        ...withResultTopic(name),
        topics: topic,
        'aws.lambda.function.name': fn,
      }),
    );
    const bareLags: number[] = [];
    const bare = testKafka('bench-latency-bare').consumer({
      groupId: uniqueName('bench-latency-bare'),
      maxWaitTimeInMs: 1000,
    });
    let sent = 0;
    try {
      await bare.connect();
      await bare.subscribe({ topics: [topic], fromBeginning: true });
      await bare.run({
        eachBatch: async ({ batch }) => {
          const now = Date.now();
          for (const m of batch.messages) {
            const v = JSON.parse(m.value?.toString() ?? '{}') as { t?: number; warmup?: boolean };
            if (typeof v.t === 'number' && !v.warmup) bareLags.push(now - v.t);
          }
        },
      });
      // Both must have joined before the trickle starts, or the first records wait for the join.
      const joined = () =>
        engine.status.tasks.length > 0 && engine.status.tasks.every((t) => t.joinedGroup);
      for (let i = 0; i < 200 && !joined(); i++) await sleep(50);
      await sleep(500);

      ctx.log(
        `latency: ${rate} records/s for ${latencyRunMs / 1000} s (+${latencyWarmupMs / 1000} s warm-up)`,
      );
      sent = await trickle(topic, rate, latencyWarmupMs, latencyRunMs);
      for (let i = 0; i < 100; i++) {
        const lags = await ctx.endpoint.latencies(fn);
        if (lags.length >= sent && bareLags.length >= sent) break;
        await sleep(100);
      }
    } finally {
      await bare.disconnect();
      await engine.stop();
    }
    const sinkLags = await ctx.endpoint.latencies(fn);
    const summary = (lags: number[]) => ({
      count: lags.length,
      p50: percentile(lags, 50),
      p90: percentile(lags, 90),
      p99: percentile(lags, 99),
      max: Math.max(...lags),
      mean: mean(lags),
    });
    const sink = summary(sinkLags);
    const floor = summary(bareLags);
    const figures: Figure[] = [
      {
        bench: 'latency',
        figure: 'produce→invoke p50',
        value: sink.p50,
        unit: 'ms',
        goal: { op: '<=', target: P50_GOAL_MS },
        note: `${sink.count} of ${sent} records; bare kafkajs produce→eachBatch p50 ${floor.p50} ms`,
      },
      {
        bench: 'latency',
        figure: 'produce→invoke p99',
        value: sink.p99,
        unit: 'ms',
        note: `max ${sink.max} ms; bare kafkajs p99 ${floor.p99} ms`,
      },
    ];
    return { figures, details: { topic, rate, sent, sink, bare: floor } };
  },
};
