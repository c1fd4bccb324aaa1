import { uniqueName } from '../../../test/support/kafka';
import { fillTopic } from '../backlog';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import type { Figure } from '../results';
import { drainWithSink, type SinkDrain } from '../sink-runner';

const PARTITIONS = 8;
/** Calls each partition wants in flight: 8 × 4 = 32 against 4 executions. */
const IN_FLIGHT_PER_PARTITION = 4;
/** The function's reserved concurrency: half the partitions. */
const EXECUTIONS = 4;
const LATENCY_MS = 50;
const BATCH_SIZE = 50;
/** What the function can take: 4 × 50 / 0.05 s = 4,000 records/s. */
const CAPACITY = (EXECUTIONS * BATCH_SIZE) / (LATENCY_MS / 1000);

/**
 * 8. A throttling storm: 8 partitions, each wanting 4 calls in flight (`ordering=none`,
 * `max.in.flight.per.partition=4`): 32 calls wanted at once against a function limited to 4
 * concurrent executions (the endpoint's `concurrencyLimit`
 * fault: a call beyond 4 running is answered 429 at once, as AWS's reserved concurrency does).
 * The same topic is drained three times, each under its own group, with the sink's default
 * retries (30, backoff 100 ms doubling to 10 s):
 * - fixed: `aws.lambda.concurrency.adaptive=false`, no `aws.lambda.max.in.flight` (the sink
 *   before adaptive concurrency);
 * - adaptive: the default, no `aws.lambda.max.in.flight` either;
 * - tuned: fixed at `aws.lambda.max.in.flight=4`, what a user who knew the function's limit
 *   would set — the best a fixed limit can do, for reference.
 */
export const throttleBenchmark: Benchmark = {
  name: 'throttle',
  title: '8. Throttling storm: adaptive vs fixed concurrency',
  async run(ctx: BenchContext) {
    const records = ctx.sizes.throttleRecords;
    const topic = await ctx.topics.create('bench-throttle', PARTITIONS);
    await fillTopic(topic, PARTITIONS, records);
    const drain = (label: string, properties: Record<string, string>): Promise<SinkDrain> => {
      ctx.log(`throttle: ${label}`);
      return drainWithSink(ctx, {
        label,
        topic,
        expected: records,
        kind: 'keyorder',
        untilDistinct: true,
        faults: { latencyMs: LATENCY_MS, concurrencyLimit: { max: EXECUTIONS } },
        timeoutMs: ctx.sizes.drainTimeoutMs * 2,
        properties: {
          name: uniqueName('bench-throttle'),
          'aws.lambda.batch.size': String(BATCH_SIZE),
          'aws.lambda.ordering': 'none',
          'aws.lambda.max.in.flight.per.partition': String(IN_FLIGHT_PER_PARTITION),
          ...properties,
        },
      });
    };
    const fixed = await drain('fixed', { 'aws.lambda.concurrency.adaptive': 'false' });
    const adaptive = await drain('adaptive', { 'aws.lambda.concurrency.adaptive': 'true' });
    const tuned = await drain('tuned', {
      'aws.lambda.concurrency.adaptive': 'false',
      'aws.lambda.max.in.flight': String(EXECUTIONS),
    });
    const lost = (d: SinkDrain) => records - d.stats.distinctRecords;
    const seconds = (d: SinkDrain) => d.measure.seconds;
    const summary = (d: SinkDrain) =>
      `${d.stats.throttled} throttled of ${d.stats.invocations + d.stats.throttled} calls, ` +
      `${d.stats.records - d.stats.distinctRecords} records delivered twice, ` +
      `${seconds(d).toFixed(1)} s, ${Math.round(d.measure.recordsPerSecond)} records/s = ` +
      `${(d.measure.recordsPerSecond / CAPACITY).toFixed(2)} of the function's ${CAPACITY}/s`;
    const figures: Figure[] = [
      {
        bench: 'throttle',
        figure: 'throttled calls: adaptive ÷ fixed',
        value: adaptive.stats.throttled / Math.max(1, fixed.stats.throttled),
        unit: 'ratio',
        goal: { op: '<=', target: 0.5 },
        note: `${adaptive.stats.throttled} vs ${fixed.stats.throttled}`,
      },
      {
        bench: 'throttle',
        figure: 'drain time: adaptive ÷ fixed',
        value: seconds(adaptive) / seconds(fixed),
        unit: 'ratio',
        goal: { op: '<=', target: 1 },
        note: `${seconds(adaptive).toFixed(1)} s vs ${seconds(fixed).toFixed(1)} s`,
      },
      {
        bench: 'throttle',
        figure: 'records lost (not delivered): fixed + adaptive + tuned',
        value: lost(fixed) + lost(adaptive) + lost(tuned),
        unit: 'records',
        goal: { op: '<=', target: 0 },
        note: `of ${records} each`,
      },
      {
        bench: 'throttle',
        figure: 'fixed (no limit)',
        value: seconds(fixed),
        unit: 's',
        note: summary(fixed),
      },
      {
        bench: 'throttle',
        figure: 'adaptive (no ceiling)',
        value: seconds(adaptive),
        unit: 's',
        note: `${summary(adaptive)}; limit ${adaptive.inFlightLimit.lowest}–${adaptive.inFlightLimit.highest} (0 = none), ${adaptive.inFlightLimit.last} at the end`,
      },
      {
        bench: 'throttle',
        figure: `tuned (fixed at ${EXECUTIONS}, the function's limit)`,
        value: seconds(tuned),
        unit: 's',
        note: summary(tuned),
      },
    ];
    return { figures, details: { topic, records, fixed, adaptive, tuned } };
  },
};
