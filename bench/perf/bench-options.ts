/** Sizes of one run. `--quick` shrinks every benchmark so the whole set takes under 2 minutes. */
export interface BenchSizes {
  /** The pre-filled topic benchmarks 1, 2 and 5 drain. */
  backlogPartitions: number;
  backlogRecords: number;
  /** Benchmark 3: records queued, how long the service runs against them. */
  memoryRecords: number;
  memoryRunMs: number;
  /** Benchmark 4: the trickle's rate and duration (plus a warm-up that is not counted). */
  latencyRatePerSecond: number;
  latencyRunMs: number;
  latencyWarmupMs: number;
  /** Benchmark 5: records drained per batch size tried. */
  batchFillRecords: number;
  /** Benchmark "endpoint": invocations sent to the endpoint alone. */
  endpointInvocations: number;
  /** Benchmark "keyed": records of the one-partition, 1,000-key topic. */
  keyedRecords: number;
  /** Benchmark "throttle": records of the 8-partition topic drained against a limited function. */
  throttleRecords: number;
  /** Benchmark "peer": records per topic, and the harness's run order (A = peer, B = sink). */
  peerRecords: number;
  peerOrder: string;
  /** The longest any single drain may take before it is reported as timed out. */
  drainTimeoutMs: number;
}

export const FULL_SIZES: BenchSizes = {
  backlogPartitions: 8,
  backlogRecords: 200_000,
  memoryRecords: 500_000,
  memoryRunMs: 75_000,
  latencyRatePerSecond: 50,
  latencyRunMs: 20_000,
  latencyWarmupMs: 2_000,
  batchFillRecords: 60_000,
  endpointInvocations: 3_000,
  keyedRecords: 24_000,
  throttleRecords: 40_000,
  peerRecords: 200_000,
  peerOrder: 'ABBA',
  drainTimeoutMs: 120_000,
};

export const QUICK_SIZES: BenchSizes = {
  backlogPartitions: 8,
  backlogRecords: 24_000,
  memoryRecords: 40_000,
  memoryRunMs: 12_000,
  latencyRatePerSecond: 50,
  latencyRunMs: 5_000,
  latencyWarmupMs: 1_000,
  batchFillRecords: 12_000,
  endpointInvocations: 400,
  keyedRecords: 4_000,
  throttleRecords: 8_000,
  peerRecords: 20_000,
  peerOrder: 'AB',
  drainTimeoutMs: 30_000,
};

export interface BenchArgs {
  quick: boolean;
  /** Benchmark names to run; empty means all. */
  only: string[];
  help: boolean;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, only: [], help: false };
  for (const arg of argv) {
    if (arg === '--quick') args.quick = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg.startsWith('--only=')) args.only.push(...arg.slice(7).split(','));
    else if (!arg.startsWith('-')) args.only.push(...arg.split(','));
    else throw new Error(`unknown option ${arg}`);
  }
  args.only = args.only.filter((n) => n !== '');
  return args;
}
