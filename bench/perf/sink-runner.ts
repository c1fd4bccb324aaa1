import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bootstrapServers, uniqueName } from '../../test/support/kafka';
import { startSink } from '../../test/support/sink';
import type { LambdaFaults } from '../../libs/lambda-local/src';
import type { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import type { BenchContext } from './bench-context';
import type { BenchFunctionKind, FunctionStats } from './endpoint/endpoint-protocol';
import { measure, type RunMeasure } from './run-measure';
import { sleep } from './stats';

const POLL_MS = 50;

/**
 * Properties of a sink on the local broker and the bench endpoint. The result topic is
 * disabled unless `overrides` names one (`withResultTopic` does), so each benchmark says
 * which configuration it measures.
 */
export function benchSinkProperties(
  ctx: BenchContext,
  overrides: Record<string, string>,
): Record<string, string> {
  const name = overrides.name ?? uniqueName('bench-sink');
  return {
    name,
    'bootstrap.servers': bootstrapServers,
    'aws.lambda.endpoint': ctx.endpoint.url,
    'aws.lambda.region': 'us-east-1',
    'aws.access.key.id': 'bench-key-id',
    'aws.secret.access.key': 'bench-secret-key',
    'reporter.result.topic.name': '',
    'reporter.result.topic.replication.factor': '1',
    'reporter.error.topic.replication.factor': '1',
    'errors.deadletterqueue.topic.replication.factor': '1',
    ...overrides,
  };
}

/** The sink's default result topic (`${name}-success`), one partition, as a user gets it. */
export function withResultTopic(name: string): Record<string, string> {
  return { name, 'reporter.result.topic.name': `${name}-success` };
}

export interface SinkDrainOptions {
  label: string;
  topic: string;
  expected: number;
  properties: Record<string, string>;
  /** Endpoint faults of the function, e.g. `{ latencyMs: 20 }`. */
  faults?: LambdaFaults;
  /** What the function does (`count` unless set). */
  kind?: BenchFunctionKind;
  /** Wait for `expected` distinct records rather than deliveries (`keyorder` counts them). */
  untilDistinct?: boolean;
  timeoutMs: number;
}

export interface SinkDrain {
  measure: RunMeasure;
  stats: FunctionStats;
  /** Offset commits the sink sent during the drain. */
  commits: number;
  /** Mean duration of one invocation attempt as the sink measured it (SDK round trip included). */
  invocationMs: number;
  /**
   * How late this process's event loop ran timers during the drain (ms, mean and p99): the
   * sink runs here, so this is the wait a finished invocation has before the sink sees it.
   */
  eventLoopDelayMs: { mean: number; p99: number };
  /** `lambda_sink_invocations_in_flight_limit` sampled while draining (0 = no limit). */
  inFlightLimit: { lowest: number; highest: number; last: number };
}

/** Runs the sink engine in this process on `topic` until the function saw `expected` records. */
export async function drainWithSink(
  ctx: BenchContext,
  options: SinkDrainOptions,
): Promise<SinkDrain> {
  const fn = uniqueName('bench-fn');
  await ctx.endpoint.register(fn, options.kind ?? 'count', options.faults);
  const properties = benchSinkProperties(ctx, {
    topics: options.topic,
    'aws.lambda.function.name': fn,
    ...options.properties,
  });
  const name = properties.name;
  ctx.topics.track(`${name}-success`, `${name}-error`);
  const cpuBefore = ctx.cpu();
  const startedAt = Date.now();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const engine: LambdaSinkEngine = await startSink(properties);
  let stats: FunctionStats;
  let cpuAfter;
  let timedOut = false;
  const limits: number[] = [];
  try {
    const deadline = startedAt + options.timeoutMs;
    for (;;) {
      stats = await ctx.endpoint.stats(fn);
      limits.push((await engine.metrics.inFlightLimit.get()).values[0]?.value ?? 0);
      const arrived = options.untilDistinct ? stats.distinctRecords : stats.records;
      if (arrived >= options.expected) break;
      if (Date.now() > deadline) {
        timedOut = true;
        break;
      }
      await sleep(POLL_MS);
    }
    cpuAfter = ctx.cpu();
    loopDelay.disable();
  } finally {
    await engine.stop();
  }
  const commits = (await engine.metrics.commits.get()).values[0]?.value ?? 0;
  const latency = (await engine.metrics.invocationLatency.get()).values;
  const sum = latency.find((v) => v.metricName?.endsWith('_sum'))?.value ?? 0;
  const count = latency.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0;
  const span = {
    records: stats.records,
    // The span starts when the first invocation arrived, so its records were processed inside it.
    firstRecords: 0,
    startedAt,
    firstAt: stats.firstAt,
    lastAt: stats.lastAt,
  };
  return {
    measure: measure(options.label, span, cpuBefore, cpuAfter, {
      invocations: stats.invocations,
      timedOut,
    }),
    stats,
    commits,
    invocationMs: count > 0 ? (sum / count) * 1000 : Number.NaN,
    eventLoopDelayMs: { mean: loopDelay.mean / 1e6, p99: loopDelay.percentile(99) / 1e6 },
    inFlightLimit: {
      lowest: Math.min(...limits),
      highest: Math.max(...limits),
      last: limits.at(-1) ?? 0,
    },
  };
}
