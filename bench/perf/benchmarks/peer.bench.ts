import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVICE_NODE_FLAGS } from '../../../apps/lambda-sink/src/service-node-flags';
import { repoRoot, type BenchContext } from '../bench-context';
import type { Benchmark } from '../benchmark';
import type { Figure, Goal } from '../results';

/**
 * The open-source peer's harness (../shared/peer-bench): Nordstrom kafka-connect-lambda in a real
 * Kafka Connect worker against this project's service, on one broker and one endpoint. It lives
 * outside the repository; PEER_BENCH_HOME points elsewhere.
 */
const harnessHome = () =>
  resolve(process.env.PEER_BENCH_HOME ?? join(repoRoot, '..', 'shared', 'peer-bench'));

interface Scenario {
  label: string;
  /** The harness's knobs (its README): SLOW_MS, PARTITIONS, PEER_TASKS, … */
  env: Record<string, string>;
  /** Settings added to the sink's properties (bench/peer/sut-main.cjs). */
  sinkProperties?: Record<string, string>;
  throughputGoal?: Goal;
  cpuGoal?: Goal;
}

const SCENARIOS: Scenario[] = [
  {
    label: 'instant function, 8 partitions, peer tasks.max=1 (its default)',
    env: { PARTITIONS: '8', SLOW_MS: '0', PEER_TASKS: '1' },
    cpuGoal: { op: '<=', target: 0.25 },
  },
  {
    // Equal concurrency: the peer with one task per partition has one call in flight per
    // partition, as the sink has in ordering=partition.
    label: '20 ms function, 8 partitions, equal concurrency (peer tasks.max=8)',
    env: { PARTITIONS: '8', SLOW_MS: '20', PEER_TASKS: '8' },
    throughputGoal: { op: '>=', target: 2 },
    cpuGoal: { op: '<=', target: 0.25 },
  },
  {
    // One hot partition: the peer cannot have more than one call in flight on it; the sink in
    // ordering=key keeps per-key order with several. Tuned as a user with a hot partition would:
    // 16 calls in flight, and fetches of 4 MiB so that one fetch feeds them all (a fetch's
    // records are finished before the partition's next fetch: docs/BENCHMARKS.md, "keyed").
    label: '20 ms function, one hot partition, sink ordering=key, 16 in flight',
    env: { PARTITIONS: '1', SLOW_MS: '20', PEER_TASKS: '1' },
    sinkProperties: {
      'aws.lambda.ordering': 'key',
      'aws.lambda.max.in.flight.per.partition': '16',
      'consumer.override.max.partition.fetch.bytes': String(4 * 1024 * 1024),
    },
    throughputGoal: { op: '>=', target: 10 },
  },
];

interface HarnessResult {
  meta: { loadavg_start?: string[]; loadavg_end?: string[]; sut?: string; peer?: string };
  summary: Record<'A' | 'B', Record<string, number | null>>;
  ratio: Record<string, number | null>;
}

/** Why the harness cannot run here, or undefined when it can. */
function missingTool(): string | undefined {
  if (!existsSync(join(harnessHome(), 'compare.sh')))
    return `no peer harness at ${harnessHome()} (set PEER_BENCH_HOME)`;
  for (const tool of ['java', 'mvn', 'python3']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      return `${tool} is not installed (the peer runs in a Java Kafka Connect worker)`;
  }
  return undefined;
}

/**
 * "peer": the side-by-side comparison with the open-source Connect connector, one harness run per
 * scenario (each runs its own broker on port 29192 and its own endpoint). The figures are the
 * harness's B/A ratios of the means over its run order, so both systems meet the same load drift.
 */
export const peerBenchmark: Benchmark = {
  name: 'peer',
  title: 'Peer: Nordstrom kafka-connect-lambda in Kafka Connect vs this service',
  async run(ctx: BenchContext) {
    const missing = missingTool();
    if (missing) {
      ctx.log(`peer: skipped, ${missing}`);
      return {
        figures: [{ bench: 'peer', figure: 'skipped', value: Number.NaN, unit: '', note: missing }],
        details: { skipped: missing },
      };
    }
    const figures: Figure[] = [];
    const details: Record<string, unknown> = {};
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const [index, scenario] of SCENARIOS.entries()) {
      ctx.log(`peer: ${scenario.label}`);
      const resultsDir = join(repoRoot, '.peer-bench', 'runs', `${stamp}-${index + 1}`);
      mkdirSync(resultsDir, { recursive: true });
      const result = runHarness(ctx, scenario, resultsDir);
      details[scenario.label] = { resultsDir, ...result };
      figures.push(...scenarioFigures(scenario, result));
    }
    return { figures, details };
  },
};

function runHarness(ctx: BenchContext, scenario: Scenario, resultsDir: string): HarnessResult {
  const sinkProperties = Object.entries(scenario.sinkProperties ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  const run = spawnSync('bash', [join(harnessHome(), 'compare.sh'), repoRoot], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      RECORDS: String(ctx.sizes.peerRecords),
      ORDER: ctx.sizes.peerOrder,
      BATCH: '100',
      ...scenario.env,
      RESULTS_DIR: resultsDir,
      SUT_MAIN: 'bench/peer/sut-main.cjs',
      // The flags `npm start` runs the service with (the harness reads them from the start
      // script, which now launches through scripts/start.mjs).
      SUT_NODE_FLAGS: SERVICE_NODE_FLAGS.join(' '),
      PEER_SUT_PROPERTIES: sinkProperties,
    },
  });
  const file = join(resultsDir, 'results.json');
  if (run.status !== 0 || !existsSync(file)) {
    throw new Error(`peer harness exited with ${run.status ?? run.signal} (see ${resultsDir})`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as HarnessResult;
}

function scenarioFigures(scenario: Scenario, result: HarnessResult): Figure[] {
  const { A, B } = result.summary;
  const rate = (s: Record<string, number | null> | undefined) => Math.round(s?.rate ?? Number.NaN);
  const cpu = (s: Record<string, number | null> | undefined) =>
    (s?.cpu_us_per_record ?? Number.NaN).toFixed(1);
  const load = `load ${result.meta.loadavg_start?.[0] ?? '?'} → ${result.meta.loadavg_end?.[0] ?? '?'}`;
  return [
    {
      bench: 'peer',
      figure: `${scenario.label}: throughput sink/peer`,
      value: result.ratio.throughput_B_over_A ?? Number.NaN,
      unit: 'ratio',
      goal: scenario.throughputGoal,
      note: `rec/s sink ${rate(B)}, peer ${rate(A)}; steady ratio ${result.ratio.throughput_steady_B_over_A?.toFixed(2) ?? 'n/a'}; ${load}`,
    },
    {
      bench: 'peer',
      figure: `${scenario.label}: CPU per record sink/peer`,
      value: result.ratio.cpu_per_record_B_over_A ?? Number.NaN,
      unit: 'ratio',
      goal: scenario.cpuGoal,
      note: `CPU µs/rec sink ${cpu(B)}, peer ${cpu(A)}; peak RSS ratio ${result.ratio.peak_rss_B_over_A?.toFixed(2) ?? 'n/a'}`,
    },
  ];
}
