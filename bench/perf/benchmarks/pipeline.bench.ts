import { uniqueName } from '../../../test/support/kafka';
import { drainWithBareConsumer } from '../bare-consumer';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import { driveEndpoint, type EndpointDrive } from '../endpoint-driver';
import type { Figure } from '../results';
import { drainWithSink, withResultTopic, type SinkDrain } from '../sink-runner';
import { BARE_FETCH } from './overhead.bench';

const BATCH_SIZE = 100;
/** The goal of issue 6: at least this share of partitions × batch / latency. */
const EFFICIENCY_GOAL = 0.9;
const MB = 1024 * 1024;

/** Fetch sizes set explicitly, so the explanatory rows mean the same whatever the defaults are. */
function fetchSizes(perPartitionMb: number, perFetchMb: number): Record<string, string> {
  return {
    'consumer.override.max.partition.fetch.bytes': String(perPartitionMb * MB),
    'consumer.override.fetch.max.bytes': String(perFetchMb * MB),
  };
}

interface Variant {
  label: string;
  latencyMs: number;
  resultTopic: boolean;
  properties?: Record<string, string>;
  /** Share of the backlog to drain (slow variants stop early; the backlog stays ahead). */
  share: number;
  /** The configuration issue 6 sets the goal for; the others only explain it. */
  graded: boolean;
}

const STARVED = '4 MB/partition, 16 MB/fetch (4 of 8 partitions per fetch)';
const FED = '1 MB/partition, 16 MB/fetch (all 8 per fetch)';

const VARIANTS: Variant[] = [
  { label: '20 ms, no result topic', latencyMs: 20, resultTopic: false, share: 1, graded: true },
  { label: '20 ms, result topic', latencyMs: 20, resultTopic: true, share: 1, graded: true },
  {
    label: '20 ms, no result topic, aws.lambda.invoke.threads=1',
    latencyMs: 20,
    resultTopic: false,
    properties: { 'aws.lambda.invoke.threads': '1' },
    share: 1,
    graded: false,
  },
  ...[
    { label: STARVED, properties: fetchSizes(4, 16) },
    { label: FED, properties: fetchSizes(1, 16) },
  ].flatMap(({ label, properties }) => [
    {
      label: `20 ms, no result topic, ${label}`,
      latencyMs: 20,
      resultTopic: false,
      properties,
      share: 1,
      graded: false,
    },
    {
      label: `100 ms, no result topic, ${label}`,
      latencyMs: 100,
      resultTopic: false,
      properties,
      share: 0.25,
      graded: false,
    },
  ]),
];

/**
 * 2. Pipeline efficiency: with one invocation in flight per partition, 8 partitions of a
 * function that takes 20 ms with batches of 100 can move at most 8 × 100 / 0.020 = 40,000
 * records/s. How close the sink gets says how much time partitions spend not invoking
 * (fetching, converting, writing results, waiting for each other or for the CPU).
 * The ungraded variants separate the causes: fetches that serve only some partitions against
 * fetches that serve all, and a 100 ms function (bound 8,000 records/s), at which the sink
 * needs a fraction of a core, so what is left is the pipeline's own structure.
 */
export const pipelineBenchmark: Benchmark = {
  name: 'pipeline',
  title: `2. Pipeline efficiency: batch ${BATCH_SIZE}, function latency 20 ms`,
  async run(ctx: BenchContext) {
    const { backlogPartitions: partitions, backlogRecords: records } = ctx.sizes;
    const topic = await ctx.backlog(partitions, records);
    const timeoutMs = ctx.sizes.drainTimeoutMs;

    ctx.log('pipeline: bare consumer');
    const bare = await drainWithBareConsumer(ctx, topic, records, { ...BARE_FETCH, timeoutMs });
    ctx.log('pipeline: endpoint ceiling (no Kafka)');
    const endpointLimit = await endpointCeiling(ctx, partitions, 20);
    const runs: Array<{ variant: Variant; bound: number; drain: SinkDrain }> = [];
    for (const variant of VARIANTS) {
      ctx.log(`pipeline: sink, ${variant.label}`);
      const name = uniqueName('bench-pipeline');
      const drain = await drainWithSink(ctx, {
        label: variant.label,
        topic,
        expected: Math.round(records * variant.share),
        timeoutMs,
        faults: { latencyMs: variant.latencyMs },
        properties: {
          ...(variant.resultTopic ? withResultTopic(name) : { name }),
          'aws.lambda.batch.size': String(BATCH_SIZE),
          ...variant.properties,
        },
      });
      runs.push({ variant, bound: (partitions * BATCH_SIZE * 1000) / variant.latencyMs, drain });
    }

    const figures: Figure[] = [
      {
        bench: 'pipeline',
        figure: 'bound at 20 ms: partitions × batch / latency',
        value: (partitions * BATCH_SIZE * 1000) / 20,
        unit: 'rec/s',
        note: `${partitions} × ${BATCH_SIZE} / 20 ms; bare consumer on the same topic: ${Math.round(bare.recordsPerSecond)} rec/s`,
      },
      {
        bench: 'pipeline',
        figure: 'endpoint ceiling at 20 ms: one call at a time per partition, no Kafka',
        value: endpointLimit.recordsPerSecond,
        unit: 'rec/s',
        note:
          `${partitions} callers through the sink's invoker; a 20 ms call takes ${endpointLimit.meanCallMs.toFixed(1)} ms ` +
          `end to end (HTTP, signing, the endpoint's parsing, timers) = ${(endpointLimit.recordsPerSecond / ((partitions * BATCH_SIZE * 1000) / 20)).toFixed(2)} of the bound`,
      },
    ];
    for (const { variant, bound, drain } of runs) {
      const m = drain.measure;
      const ceiling = Math.min(bound, bare.recordsPerSecond);
      const inFlightShare =
        m.recordsPerSecond / ((partitions * BATCH_SIZE) / (drain.invocationMs / 1000));
      figures.push({
        bench: 'pipeline',
        figure: `${variant.label}: achieved/bound`,
        value: m.recordsPerSecond / bound,
        unit: 'ratio',
        goal: variant.graded ? { op: '>=', target: EFFICIENCY_GOAL } : undefined,
        note:
          `${Math.round(m.recordsPerSecond)} of ${Math.round(bound)} rec/s` +
          (ceiling < bound
            ? `; of the bare consumer's ${Math.round(ceiling)}: ${(m.recordsPerSecond / ceiling).toFixed(2)}`
            : '') +
          `; invocation ${drain.invocationMs.toFixed(1)} ms as the sink timed it, partitions busy ${(inFlightShare * 100).toFixed(0)} %` +
          `; event-loop delay mean ${drain.eventLoopDelayMs.mean.toFixed(1)} ms` +
          `; sink CPU ${m.cpuMsPerKRecord.consumer.toFixed(0)} ms/1k rec` +
          (m.timedOut ? '; TIMED OUT' : ''),
      });
      if (variant.graded && variant.latencyMs === 20) {
        figures.push({
          bench: 'pipeline',
          figure: `${variant.label}: achieved/endpoint ceiling`,
          value: m.recordsPerSecond / endpointLimit.recordsPerSecond,
          unit: 'ratio',
          note: `${Math.round(m.recordsPerSecond)} of ${Math.round(endpointLimit.recordsPerSecond)} rec/s`,
        });
      }
    }
    return { figures, details: { topic, bare, endpointLimit, sink: runs } };
  },
};

/**
 * What one call in flight per partition allows when nothing but the call itself takes time:
 * the bound counts only the function's latency, while every call also pays the HTTP round
 * trip, SigV4 and the endpoint's own work on this machine's shared cores.
 */
async function endpointCeiling(
  ctx: BenchContext,
  partitions: number,
  latencyMs: number,
): Promise<EndpointDrive> {
  const fn = uniqueName('bench-ceiling');
  await ctx.endpoint.register(fn, 'count', { latencyMs });
  return driveEndpoint(ctx, fn, {
    batchSize: BATCH_SIZE,
    concurrency: partitions,
    invocations: partitions * 40,
  });
}
