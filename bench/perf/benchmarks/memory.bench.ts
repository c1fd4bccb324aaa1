import { uniqueName } from '../../../test/support/kafka';
import { writePropertiesFile } from '../../../test/support/sink-process';
import { fillTopic } from '../backlog';
import type { BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import { memoryOf } from '../process-stats';
import type { Figure } from '../results';
import { spawnTracedService } from '../service-process';
import { benchSinkProperties, withResultTopic } from '../sink-runner';
import { MB, sleep } from '../stats';

const PARTITIONS = 8;
const LATENCY_MS = 200;
const BATCH_SIZE = 100;
const SAMPLE_MS = 250;
/** aws.lambda.max.in.flight.per.partition's default, for key and none. */
const IN_FLIGHT_PER_PARTITION = 8;
/** The point the end of the run is compared with (issue 6). */
const BASELINE_RECORDS = 10_000;
const PEAK_GOAL_MB = 256;
const GROWTH_GOAL_PERCENT = 10;

interface Sample {
  atMs: number;
  records: number;
  rssMb: number;
}

/**
 * 3. Memory under backlog: the real service (`node dist/apps/lambda-sink/src/main.js
 * --config FILE`, default result topic on, plus V8's --trace-gc) against a large backlog and a
 * slow function. Its RSS is sampled from /proc every 250 ms; the GC trace gives the live heap
 * after each major GC, which tells a leak from garbage V8 lets accumulate. At 200 ms per call the backlog would take many
 * minutes to drain, so the run stops after a bounded time: what matters is whether memory
 * stays bounded and flat while records wait, not how long the drain takes.
 */
export const memoryBenchmark: Benchmark = {
  name: 'memory',
  title: `3. Memory under backlog: ${LATENCY_MS} ms function, child process, each ordering mode`,
  async run(ctx: BenchContext) {
    const { memoryRecords } = ctx.sizes;
    const topic = await ctx.topics.create('bench-memory', PARTITIONS);
    ctx.log(`memory: filling ${topic} with ${memoryRecords.toLocaleString('en')} records…`);
    await fillTopic(topic, PARTITIONS, memoryRecords);
    // Each mode drains the same backlog under its own group: key and none keep up to
    // max.in.flight.per.partition batches per partition in flight, so they hold the most.
    const figures: Figure[] = [];
    const details: Record<string, unknown> = { topic };
    for (const ordering of ORDERINGS) {
      const run = await runOrdering(ctx, topic, ordering);
      figures.push(
        ...run.figures.map((f) => ({ ...f, figure: `ordering=${ordering}: ${f.figure}` })),
      );
      details[ordering] = run.details;
    }
    return { figures, details };
  },
};

const ORDERINGS = ['partition', 'key', 'none'] as const;

async function runOrdering(
  ctx: BenchContext,
  topic: string,
  ordering: (typeof ORDERINGS)[number],
): Promise<{ figures: Figure[]; details: unknown }> {
  const { memoryRecords, memoryRunMs } = ctx.sizes;
  const fn = uniqueName('bench-memory-fn');
  await ctx.endpoint.register(fn, 'count', { latencyMs: LATENCY_MS });
  const name = uniqueName('bench-memory');
  ctx.topics.track(`${name}-success`, `${name}-error`);
  const file = writePropertiesFile(
    benchSinkProperties(ctx, {
      ...withResultTopic(name),
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.batch.size': String(BATCH_SIZE),
      'aws.lambda.ordering': ordering,
      listeners: 'http://127.0.0.1:0',
    }),
  );

  ctx.log(`memory: ordering=${ordering}, service runs for ${memoryRunMs / 1000} s`);
  const sink = spawnTracedService(file);
  const pid = sink.child.pid ?? -1;
  const samples: Sample[] = [];
  let peakHwm = 0;
  const started = Date.now();
  let exitCode: number | null | undefined;
  void sink.exited.then((code) => (exitCode = code));
  let exitedEarly = false;
  try {
    while (Date.now() - started < memoryRunMs && exitCode === undefined) {
      const mem = memoryOf(pid);
      const { records } = await ctx.endpoint.stats(fn);
      if (mem) {
        samples.push({ atMs: Date.now() - started, records, rssMb: mem.rss / MB });
        peakHwm = Math.max(peakHwm, mem.hwm / MB);
      }
      await sleep(SAMPLE_MS);
    }
    exitedEarly = exitCode !== undefined;
  } finally {
    sink.child.kill('SIGTERM');
    const stopped = await Promise.race([
      sink.exited.then(() => true),
      sleep(30_000).then(() => false),
    ]);
    if (!stopped) sink.child.kill('SIGKILL');
  }
  if (exitedEarly) {
    const tail = sink.output().split('\n').slice(-30).join('\n');
    throw new Error(`the service exited early (code ${exitCode}):\n${tail}`);
  }

  const processed = samples[samples.length - 1]?.records ?? 0;
  const atBaseline = samples.find((s) => s.records >= BASELINE_RECORDS);
  const inFlight = ordering === 'partition' ? PARTITIONS : PARTITIONS * IN_FLIGHT_PER_PARTITION;
  const bound = (inFlight * BATCH_SIZE * 1000) / LATENCY_MS;
  const firstAt = samples.find((s) => s.records > 0)?.atMs ?? 0;
  const rate = processed / Math.max(0.001, (samples[samples.length - 1].atMs - firstAt) / 1000);
  // Live heap after each major GC once the baseline is passed: flat means no leak, whatever RSS does.
  const gcs = sink.majorGcs.filter((g) => !atBaseline || g.atMs >= atBaseline.atMs);
  const liveAfterGc = gcs.map((g) => g.afterMb);
  const heapBeforeGc = Math.max(0, ...sink.majorGcs.map((g) => g.beforeMb));
  const end = samples[samples.length - 1];
  const peak = Math.max(...samples.map((s) => s.rssMb));
  const growth = atBaseline && end ? (end.rssMb / atBaseline.rssMb - 1) * 100 : Number.NaN;
  const figures: Figure[] = [
    {
      bench: 'memory',
      figure: 'peak RSS',
      value: peak,
      unit: 'MB',
      goal: { op: '<=', target: PEAK_GOAL_MB },
      note: `sampled every ${SAMPLE_MS} ms; kernel VmHWM ${peakHwm.toFixed(0)} MB`,
    },
    {
      bench: 'memory',
      figure: `RSS at end vs after first ${BASELINE_RECORDS.toLocaleString('en')} records`,
      value: growth,
      unit: '%',
      goal: { op: '<=', target: GROWTH_GOAL_PERCENT },
      note: atBaseline
        ? `${atBaseline.rssMb.toFixed(0)} MB at ${(atBaseline.atMs / 1000).toFixed(1)} s → ${end.rssMb.toFixed(0)} MB at ${(end.atMs / 1000).toFixed(0)} s`
        : `fewer than ${BASELINE_RECORDS} records processed`,
    },
    {
      bench: 'memory',
      figure: 'RSS trend after warm-up: mean of the last 15 s vs mean of 15–30 s',
      value:
        (meanRss(samples, end.atMs - 15_000, end.atMs) / meanRss(samples, 15_000, 30_000) - 1) *
        100,
      unit: '%',
      note:
        'single samples swing with the GC cycle (about ±10 MB here); means over 15 s show the ' +
        `trend: ${meanRss(samples, 15_000, 30_000).toFixed(0)} → ${meanRss(samples, end.atMs - 15_000, end.atMs).toFixed(0)} MB`,
    },
    {
      bench: 'memory',
      figure: 'live heap after major GC: first → last (after the baseline)',
      value: liveAfterGc[liveAfterGc.length - 1] ?? Number.NaN,
      unit: 'MB',
      note: liveAfterGc.length
        ? `${liveAfterGc[0].toFixed(0)} → ${liveAfterGc[liveAfterGc.length - 1].toFixed(0)} MB over ${liveAfterGc.length} major GCs (range ${Math.min(...liveAfterGc).toFixed(0)}–${Math.max(...liveAfterGc).toFixed(0)}); heap reached ${heapBeforeGc.toFixed(0)} MB before a GC`
        : 'no major GC after the baseline',
    },
    {
      bench: 'memory',
      figure: 'records processed in the bounded run',
      value: processed,
      unit: 'rec',
      note: `of ${memoryRecords.toLocaleString('en')} queued, stopped after ${memoryRunMs / 1000} s; ${Math.round(rate)} rec/s = ${(rate / bound).toFixed(2)} of the ${bound} rec/s bound`,
    },
  ];
  // One sample a second is enough for the JSON file.
  const series = samples.filter((_, i) => i % Math.round(1000 / SAMPLE_MS) === 0);
  return {
    figures,
    details: { peakHwmMb: peakHwm, processed, series, majorGcs: sink.majorGcs },
  };
}

/** Mean RSS of the samples taken between `fromMs` and `toMs` (NaN when there are none). */
function meanRss(
  samples: ReadonlyArray<{ atMs: number; rssMb: number }>,
  fromMs: number,
  toMs: number,
): number {
  const inside = samples.filter((s) => s.atMs >= fromMs && s.atMs <= toMs);
  return inside.reduce((sum, s) => sum + s.rssMb, 0) / inside.length;
}
