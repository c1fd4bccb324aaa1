import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { bootstrapServers } from '../test/support/kafka';
import { ensureLocalBroker, stopLocalBroker } from '../apps/demo/src/local-broker';
import { BenchContext, repoRoot } from './perf/bench-context';
import { FULL_SIZES, parseBenchArgs, QUICK_SIZES } from './perf/bench-options';
import type { Benchmark } from './perf/benchmark';
import { batchFillBenchmark } from './perf/benchmarks/batch-fill.bench';
import { endpointBenchmark } from './perf/benchmarks/endpoint.bench';
import { latencyBenchmark } from './perf/benchmarks/latency.bench';
import { memoryBenchmark } from './perf/benchmarks/memory.bench';
import { keyedBenchmark } from './perf/benchmarks/keyed.bench';
import { overheadBenchmark } from './perf/benchmarks/overhead.bench';
import { peerBenchmark } from './perf/benchmarks/peer.bench';
import { pipelineBenchmark } from './perf/benchmarks/pipeline.bench';
import { throttleBenchmark } from './perf/benchmarks/throttle.bench';
import { BenchEndpoint } from './perf/endpoint/endpoint-client';
import { textTable, writeReport, type Figure, type RunReport } from './perf/results';

/** In the order they run: the cheap endpoint figure first, the long memory run last. */
const BENCHMARKS: Benchmark[] = [
  endpointBenchmark,
  overheadBenchmark,
  pipelineBenchmark,
  batchFillBenchmark,
  latencyBenchmark,
  keyedBenchmark,
  throttleBenchmark,
  memoryBenchmark,
  // Last: it runs its own broker and a Java Connect worker beside this process's endpoint.
  peerBenchmark,
];

const USAGE = `npm run bench [-- [--quick] [NAME…]]

  --quick   small sizes (the whole set in under 2 minutes)
  NAME      run only these (comma or space separated): ${BENCHMARKS.map((b) => b.name).join(', ')}

Figures are printed as a table and written to bench/results/ (JSON, markdown, latest.md).
Uses the broker at KAFKA_BOOTSTRAP_SERVERS; without it, the project's own broker on
127.0.0.1:9092, started (and stopped at the end) when it is not running.`;

/** The commit measured and whether the tree had local changes, so a figure can be traced back. */
function sourceState(): { commit: string; changedFiles: number } {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'apps', 'libs');
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      changedFiles: changed === '' ? 0 : changed.split('\n').length,
    };
  } catch {
    return { commit: 'unknown', changedFiles: 0 };
  }
}

/** The SDK's notice about future Node versions would be printed once per run; it is not news here. */
function quietNodeVersionNotice(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (!warning.message.startsWith('NodeVersionSupportWarning'))
      process.stderr.write(`${warning.stack}\n`);
  });
}

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = args.only.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}\n\n${USAGE}\n`);
    return 2;
  }
  const selected = BENCHMARKS.filter((b) => args.only.length === 0 || args.only.includes(b.name));
  // The sink's lifecycle lines would bury the progress output; problems still show.
  Logger.overrideLogger(['error', 'warn']);
  quietNodeVersionNotice();

  const startedBroker = ensureLocalBroker(repoRoot, (line) =>
    process.stderr.write(`[bench] ${line}\n`),
  );
  try {
    return await runSelected(selected, args.quick);
  } finally {
    if (startedBroker) stopLocalBroker(repoRoot);
  }
}

async function runSelected(selected: Benchmark[], quick: boolean): Promise<number> {
  const startedAt = new Date();
  const endpoint = await BenchEndpoint.start();
  const ctx = new BenchContext(endpoint, quick ? QUICK_SIZES : FULL_SIZES);
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  let failed = false;
  try {
    for (const bench of selected) {
      ctx.log(`— ${bench.title}`);
      const benchStarted = Date.now();
      try {
        const outcome = await bench.run(ctx);
        figures.push(...outcome.figures);
        details[bench.name] = outcome.details;
      } catch (error) {
        failed = true;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        ctx.log(`${bench.name} failed: ${message}`);
        figures.push({
          bench: bench.name,
          figure: 'failed',
          value: Number.NaN,
          unit: '',
          note: String(error),
        });
      }
      ctx.log(`${bench.name} took ${((Date.now() - benchStarted) / 1000).toFixed(0)} s`);
    }
  } finally {
    await ctx.topics.deleteAll().catch((e) => ctx.log(`topic cleanup failed: ${String(e)}`));
    await endpoint.close();
  }

  const report: RunReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick,
    benchmarks: selected.map((b) => b.name),
    machine: { cpus: cpus().length, node: process.version, broker: bootstrapServers },
    source: sourceState(),
    figures,
    details,
  };
  const file = writeReport(join(repoRoot, 'bench', 'results'), report);
  process.stdout.write(`\n${textTable(figures)}\n\nwritten to ${file} (and latest.md)\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
