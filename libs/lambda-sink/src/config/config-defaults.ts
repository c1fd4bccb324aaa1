/**
 * The defaults of SPEC section 2, in one table. Defaults that depend on other properties
 * (`group.id` = `connect-${name}`, the reporter topics, the reporter's servers and security) are
 * computed where the options are built.
 */
export const CONFIG_DEFAULTS = {
  tasksMax: 1,
  invocationType: 'sync',
  batchSize: 20,
  // Invoke with what was fetched (the Confluent connector's behaviour); AWS's trigger calls a
  // wait for fuller batches the batching window.
  batchMaxWaitMs: 0,
  // The Confluent connector's payload; `esm` is AWS's own Kafka trigger's event.
  payloadFormat: 'connect',
  // One invocation in flight per partition, in offset order: the Confluent connector's behaviour.
  ordering: 'partition',
  // With key or none ordering: enough to hide a 100 ms function behind batches of a few records,
  // few enough that one partition cannot take a small account's whole Lambda concurrency.
  maxInFlightPerPartition: 8,
  // 0 = no process-wide cap unless asked for.
  maxInFlight: 0,
  // Lowering the calls in flight when Lambda throttles costs nothing until it does, and a sink
  // that keeps sending what the function cannot run only earns more 429s and longer backoffs
  // (bench "throttle", docs/BENCHMARKS.md).
  concurrencyAdaptive: true,
  // The Confluent connector's socket timeout: long enough for a slow function, short enough to
  // notice a hung one well before Kafka's max.poll.interval.ms (5 minutes) evicts the consumer.
  socketTimeoutMs: 50_000,
  // Invocations run on the event loop unless asked otherwise. An invoke thread takes the SDK's
  // per-call work (about 1 ms of CPU per call) off it, but on the 2-core machine the benchmarks
  // run on, shared with the broker and the endpoint, it gained nothing (pipeline 0.61 with the
  // thread, 0.66 without, same run) and costs a V8 isolate; see docs/BENCHMARKS.md.
  invokeThreads: 0,
  behaviorOnError: 'fail',
  // A Lambda outage says nothing about the records: skipping or logging them away would lose
  // data that a later retry could deliver, so a partition stops instead unless asked otherwise.
  retriesExhausted: 'fail',
  // With the backoff below (100 ms doubling to 10 s) 30 retries ride out about four minutes of
  // throttling or outage before behavior.on.error decides; Lambda throttling storms last that long.
  maxRetries: 30,
  retryBackoffMs: 100,
  retryBackoffMaxMs: 10_000,
  validate: true,
  // AWS's Kafka trigger's error controls, all off: a function error is handled by
  // behavior.on.error at once and nothing expires, the Confluent connector's behaviour.
  partialBatchResponse: false,
  bisectOnError: false,
  functionErrorRetries: 0,
  maxRecordAgeMs: -1,
  autoOffsetReset: 'earliest',
  // The Java consumer's defaults. fetch.max.bytes must stay well above partitions ×
  // max.partition.fetch.bytes: kafkajs fills a fetch partition by partition, and partitions left
  // out of a fetch sit idle for a whole round (measured: half the partitions idle, 0.33 of the
  // pipeline bound, with 4 MB per partition and 16 MB in all).
  sessionTimeoutMs: 45_000,
  heartbeatIntervalMs: 3_000,
  maxPollIntervalMs: 300_000,
  maxPartitionFetchBytes: 1024 * 1024,
  fetchMaxBytes: 50 * 1024 * 1024,
  // How often topics.regex looks for new matching topics (the Java consumer's metadata.max.age.ms).
  metadataMaxAgeMs: 300_000,
  securityProtocol: 'PLAINTEXT',
  // StringConverter, Connect's own default.
  converter: 'string',
  // As Connect's JsonConverter: schemas are expected unless the user says otherwise.
  jsonSchemasEnable: true,
  errorsTolerance: 'none',
  deadLetterQueueContextHeaders: false,
  // Kafka's usual production factor; single-broker development setups must lower it.
  replicationFactor: 3,
  partitions: 1,
  errorsLogEnable: false,
  // Kafka Connect's REST port, so existing health checks and dashboards keep working.
  listeners: 'http://0.0.0.0:8083',
  shutdownTimeoutMs: 30_000,
  // Prometheus scrapes without credentials by default; closing /metrics is an explicit choice.
  restMetricsAuthRequired: false,
  // A FAILED partition is a failure an operator must see; `up` is the opt-out for rollouts.
  readinessFailedPartitions: 'down',
} as const;
