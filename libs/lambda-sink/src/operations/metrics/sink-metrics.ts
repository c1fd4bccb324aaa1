import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { partitionKey, type TaskStatus } from '../status/sink-status';
import { PARTITION_STATES, partitionStateOf } from './partition-state';

export interface SinkMetricsOptions {
  /**
   * Process metrics (`collectDefaultMetrics`: CPU, RSS, heap, event-loop lag, GC) in this
   * registry; default true. Skipped when the registry already has them (a shared registry).
   */
  processMetrics?: boolean;
  /** The registry to register in (a host's own, module option `metricsRegistry`); a new one by default. */
  registry?: Registry;
}

/**
 * The sink's Prometheus series (SPEC 7). One registry per sink instance by default, so two sinks
 * in one process (or in one test run) never share counters; a host app may pass its own registry
 * (module option `metricsRegistry`) so its `/metrics` shows them. Labels never carry a secret:
 * only topic, partition, outcome, function (as configured, one per topic in multiple mode) and
 * reporter topic kind.
 */
export class SinkMetrics {
  readonly registry: Registry;
  /** The tasks whose partitions the state gauge shows (registered by each task's monitor). */
  private readonly tasks = new Set<TaskStatus>();

  readonly recordsConsumed = new Counter({
    name: 'lambda_sink_records_consumed_total',
    help: 'Records received from Kafka',
    labelNames: ['topic', 'partition'] as const,
    registers: [],
  });

  readonly invocations = new Counter({
    name: 'lambda_sink_invocations_total',
    help: 'Lambda invocation attempts by outcome (success, function_error, transient, configuration, data) and function',
    labelNames: ['outcome', 'function'] as const,
    registers: [],
  });

  readonly recordsFiltered = new Counter({
    name: 'lambda_sink_records_filtered_total',
    help: 'Records no aws.lambda.filter.criteria pattern matched: not invoked, committed',
    labelNames: ['topic', 'partition'] as const,
    registers: [],
  });

  readonly retries = new Counter({
    name: 'lambda_sink_invocation_retries_total',
    help: 'Transient-error retries of Lambda invocations, by function',
    labelNames: ['function'] as const,
    registers: [],
  });

  readonly invocationLatency = new Histogram({
    name: 'lambda_sink_invocation_duration_seconds',
    help: 'Latency of one Lambda invocation attempt, by function',
    labelNames: ['function'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    registers: [],
  });

  readonly batchSize = new Histogram({
    name: 'lambda_sink_batch_records',
    help: 'Records per Lambda invocation',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [],
  });

  readonly inFlight = new Gauge({
    name: 'lambda_sink_invocations_in_flight',
    help: 'Lambda invocation attempts currently waiting for a response',
    registers: [],
  });

  readonly inFlightLimit = new Gauge({
    name: 'lambda_sink_invocations_in_flight_limit',
    help:
      'Invocations allowed in flight at once in the process (aws.lambda.max.in.flight, lowered on ' +
      'throttling when aws.lambda.concurrency.adaptive); 0 = no limit',
    registers: [],
  });

  readonly consumerLag = new Gauge({
    name: 'lambda_sink_consumer_lag_records',
    help: 'High watermark minus the next offset to process, per partition',
    labelNames: ['topic', 'partition'] as const,
    registers: [],
  });

  readonly reporterRecords = new Counter({
    name: 'lambda_sink_reporter_records_total',
    help: 'Records acknowledged on the result, error and dead letter queue topics',
    labelNames: ['kind'] as const,
    registers: [],
  });

  readonly reporterErrors = new Counter({
    name: 'lambda_sink_reporter_errors_total',
    help: 'Failed writes to the result, error and dead letter queue topics (each retry counts)',
    labelNames: ['kind'] as const,
    registers: [],
  });

  readonly recordErrors = new Counter({
    name: 'lambda_sink_record_errors_total',
    help: 'Records that failed, by error class and the action taken (fail, log, ignore, dlq)',
    labelNames: ['error', 'action'] as const,
    registers: [],
  });

  /**
   * One series per partition and state, 1 for the state it is in and 0 for the others (a state
   * set, as kube-state-metrics does), so `== 1` selects and `sum by (state)` counts. Read from the
   * task status at scrape time, so it can never disagree with the status API.
   */
  readonly partitionState = new Gauge({
    name: 'lambda_sink_partition_state',
    help: 'Partition state (RUNNING, RETRYING, PAUSED, FAILED): 1 for the current one',
    labelNames: ['topic', 'partition', 'state'] as const,
    registers: [],
    collect: () => this.collectPartitionStates(),
  });

  readonly commits = new Counter({
    name: 'lambda_sink_offset_commits_total',
    help: 'Offset commits sent to the consumer group',
    registers: [],
  });

  constructor(options: SinkMetricsOptions = {}) {
    const registry = options.registry ?? new Registry();
    this.registry = registry;
    // Registered here rather than through each metric's `registers`: field initializers run
    // before the constructor has the registry.
    for (const metric of Object.values(this)) {
      if (metric instanceof Counter || metric instanceof Gauge || metric instanceof Histogram)
        registry.registerMetric(metric);
    }
    const present = registry.getSingleMetric('process_cpu_user_seconds_total');
    if ((options.processMetrics ?? true) && !present) collectDefaultMetrics({ register: registry });
  }

  /** Shows `task`'s partitions in the state gauge from now on. */
  watchTask(task: TaskStatus): void {
    this.tasks.add(task);
  }

  /**
   * Drops the per-partition series of partitions a task no longer owns after a rebalance, unless
   * another task of this sink now owns them (it may have joined first). A lag series left behind
   * would stay frozen at its last value, on a replica that no longer reads the partition.
   */
  partitionsRevoked(revoked: ReadonlyArray<{ topic: string; partition: number }>): void {
    for (const { topic, partition } of revoked) {
      const key = partitionKey(topic, partition);
      if ([...this.tasks].some((t) => t.partitions.has(key))) continue;
      this.consumerLag.remove({ topic, partition: String(partition) });
    }
  }

  private collectPartitionStates(): void {
    this.partitionState.reset();
    for (const task of this.tasks) {
      for (const p of task.partitions.values()) {
        const current = partitionStateOf(task, p);
        for (const state of PARTITION_STATES) {
          const labels = { topic: p.topic, partition: String(p.partition), state };
          this.partitionState.set(labels, state === current ? 1 : 0);
        }
      }
    }
  }
}
