import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The sink's Prometheus series (SPEC 7). One registry per sink instance by default, so two sinks
 * in one process (or in one test run) never share counters; a host app may pass its own registry
 * (module option `metricsRegistry`) so its `/metrics` shows them. Labels never carry a secret:
 * only topic, partition, outcome and reporter topic kind.
 */
export class SinkMetrics {
  readonly registry: Registry;

  readonly recordsConsumed = new Counter({
    name: 'lambda_sink_records_consumed_total',
    help: 'Records received from Kafka',
    labelNames: ['topic', 'partition'] as const,
    registers: [],
  });

  readonly invocations = new Counter({
    name: 'lambda_sink_invocations_total',
    help: 'Lambda invocation attempts by outcome (success, function_error, transient, configuration, data)',
    labelNames: ['outcome'] as const,
    registers: [],
  });

  readonly retries = new Counter({
    name: 'lambda_sink_invocation_retries_total',
    help: 'Transient-error retries of Lambda invocations',
    registers: [],
  });

  readonly invocationLatency = new Histogram({
    name: 'lambda_sink_invocation_duration_seconds',
    help: 'Latency of one Lambda invocation attempt',
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
    help: 'Lambda invocations currently waiting for a response',
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

  readonly recordErrors = new Counter({
    name: 'lambda_sink_record_errors_total',
    help: 'Records that failed, by error class and the action taken (fail, log, ignore, dlq)',
    labelNames: ['error', 'action'] as const,
    registers: [],
  });

  readonly commits = new Counter({
    name: 'lambda_sink_offset_commits_total',
    help: 'Offset commits sent to the consumer group',
    registers: [],
  });

  constructor(registry: Registry = new Registry()) {
    this.registry = registry;
    // Registered here rather than through each metric's `registers`: field initializers run
    // before the constructor has the registry.
    for (const metric of Object.values(this)) {
      if (metric instanceof Counter || metric instanceof Gauge || metric instanceof Histogram)
        registry.registerMetric(metric);
    }
  }
}
