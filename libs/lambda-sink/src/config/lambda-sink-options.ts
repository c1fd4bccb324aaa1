/**
 * The sink's typed options (camelCase), as `LambdaSinkModule.forRoot()` takes them.
 * Connect-style property maps (`aws.lambda.function.name=…`) are converted into this shape by
 * `optionsFromConnectProperties()`, so the standalone service and the module share one validation.
 */
export type InvocationType = 'sync' | 'async';
export type BehaviorOnError = 'fail' | 'log' | 'ignore';
/**
 * What a Lambda batch whose transient retries ran out does: `fail` stops its partition whatever
 * behavior.on.error says (an outage is not a property of the records); `behavior.on.error`
 * applies that setting, logging a warning with the coordinates of every batch it skips or logs.
 */
export type RetriesExhaustedBehavior = 'fail' | 'behavior.on.error';
export type ErrorsTolerance = 'none' | 'all';
export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
export type ConverterKind = 'string' | 'json' | 'bytearray';
export type AutoOffsetReset = 'earliest' | 'latest';
/** Whether a FAILED partition takes readiness DOWN (`down`) or leaves the replica ready (`up`). */
export type ReadinessFailedPartitions = 'down' | 'up';

export interface ConverterOptions {
  kind: ConverterKind;
  /** JsonConverter only: unwrap the `{schema, payload}` envelope. */
  schemasEnable: boolean;
}

export interface KafkaSecurityOptions {
  securityProtocol: SecurityProtocol;
  saslMechanism?: SaslMechanism;
  /** Parsed from `sasl.jaas.config`. A secret: never logged. */
  saslUsername?: string;
  saslPassword?: string;
  /** PEM file paths. */
  sslCaLocation?: string;
  sslCertificateLocation?: string;
  sslKeyLocation?: string;
  sslKeyPassword?: string;
  /** A Java truststore: read only when its type is `PEM` (then it is the CA file). */
  sslTruststoreLocation?: string;
  sslTruststoreType?: 'JKS' | 'PKCS12' | 'PEM';
  /** A Java keystore: `PKCS12`, or `PEM` with key and certificate chain in one file (not JKS). */
  sslKeystoreLocation?: string;
  sslKeystoreType?: 'JKS' | 'PKCS12' | 'PEM';
  /** Password of a PKCS12 keystore. A secret: never logged. */
  sslKeystorePassword?: string;
  /** `https` (default) verifies the broker's host name; `''` turns that off, as in Java. */
  sslEndpointIdentificationAlgorithm?: string;
}

export interface KafkaConnectionOptions extends KafkaSecurityOptions {
  bootstrapServers: string[];
  clientId: string;
}

export interface ReporterOptions {
  /** Where result and error topics live (`reporter.bootstrap.servers`, else the main servers). */
  connection: KafkaConnectionOptions;
  /** `reporter.result.topic.name`; undefined when disabled (empty) or in async mode. */
  resultTopic?: string;
  /** `reporter.error.topic.name`; undefined when disabled (empty). */
  errorTopic?: string;
  resultTopicReplicationFactor: number;
  resultTopicPartitions: number;
  errorTopicReplicationFactor: number;
  errorTopicPartitions: number;
}

export interface AwsCredentialsOptions {
  accessKeyId?: string;
  /** A secret: never logged. */
  secretAccessKey?: string;
  /** `aws.session.token` (this project's addition, for temporary keys). A secret: never logged. */
  sessionToken?: string;
  /** `aws.credentials.provider.class`: a Java class name or a module path exporting a provider. */
  providerClass?: string;
}

export interface LambdaOptions {
  functionName: string;
  invocationType: InvocationType;
  batchSize: number;
  region?: string;
  endpoint?: string;
  credentials: AwsCredentialsOptions;
  /** ms without a response before an attempt fails (`aws.lambda.socket.timeout`). */
  socketTimeoutMs: number;
  /** worker threads that sign and send invocations, 0 = on the event loop (`aws.lambda.invoke.threads`). */
  invokeThreads: number;
  /** transient-error retries after the first attempt (`aws.lambda.max.retries`). */
  maxRetries: number;
  /** base of the exponential backoff (`aws.lambda.retry.backoff.ms`). */
  retryBackoffMs: number;
  /** ceiling of one backoff wait (`aws.lambda.retry.backoff.max.ms`). */
  retryBackoffMaxMs: number;
  /** GetFunction + DryRun at startup (`aws.lambda.validate`). */
  validate: boolean;
}

export interface ErrorHandlingOptions {
  behaviorOnError: BehaviorOnError;
  /** `behavior.on.retries.exhausted` */
  retriesExhausted: RetriesExhaustedBehavior;
  errorsTolerance: ErrorsTolerance;
  deadLetterQueueTopic?: string;
  deadLetterQueueContextHeaders: boolean;
  deadLetterQueueReplicationFactor: number;
  errorsLogEnable: boolean;
}

/** Consumer-group tuning (the Java consumer's `consumer.override.*` names). */
export interface ConsumerTuningOptions {
  /** `session.timeout.ms`: how long the group waits for a silent member (e.g. one killed -9). */
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** `max.poll.interval.ms`: how long a rebalance waits for this member to finish its batch. */
  maxPollIntervalMs: number;
  /** `max.partition.fetch.bytes`: the most one fetch brings per partition. */
  maxPartitionFetchBytes: number;
  /** `fetch.max.bytes`: the most one fetch brings in all; bounds the memory of a backlog. */
  fetchMaxBytes: number;
  /** `metadata.max.age.ms`: how often `topics.regex` looks for new matching topics. */
  metadataMaxAgeMs: number;
}

export interface LambdaSinkOptions {
  name: string;
  connectorClass?: string;
  tasksMax: number;
  topics?: string[];
  topicsRegex?: string;
  kafka: KafkaConnectionOptions;
  groupId: string;
  autoOffsetReset: AutoOffsetReset;
  consumer: ConsumerTuningOptions;
  keyConverter: ConverterOptions;
  valueConverter: ConverterOptions;
  lambda: LambdaOptions;
  errors: ErrorHandlingOptions;
  reporter: ReporterOptions;
  /** HTTP listener for health/status/metrics, e.g. `http://0.0.0.0:8083`. */
  listeners: string;
  /** ms the sink waits for in-flight work on shutdown before abandoning it (uncommitted). */
  shutdownTimeoutMs: number;
  /**
   * `readiness.failed.partitions`: `down` (default) gates readiness on FAILED partitions; `up`
   * keeps a replica with a failed partition ready, so it does not stall a rolling update.
   */
  readinessFailedPartitions: ReadinessFailedPartitions;
  /** The properties as the user wrote them, secrets masked, for `GET /connectors/{name}/config`. */
  maskedProperties: Record<string, string>;
  /**
   * Things worth saying at startup that do not stop it (unknown properties, settings that
   * have no effect in this mode). Never holds a secret.
   */
  warnings: string[];
}
