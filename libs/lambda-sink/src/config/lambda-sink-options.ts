/**
 * The sink's typed options (camelCase), as `LambdaSinkModule.forRoot()` takes them.
 * Connect-style property maps (`aws.lambda.function.name=…`) are converted into this shape by
 * `optionsFromConnectProperties()`, so the standalone service and the module share one validation.
 */
export type InvocationType = 'sync' | 'async';
/** `aws.lambda.configuration.mode`: one function for every topic, or one per topic. */
export type ConfigurationMode = 'single' | 'multiple';
export type BehaviorOnError = 'fail' | 'log' | 'ignore';
/**
 * `aws.lambda.payload.format`: the Confluent connector's JSON array (`connect`) or the event of
 * AWS Lambda's own self-managed Kafka trigger (`esm`).
 */
export type PayloadFormat = 'connect' | 'esm';
/** `aws.lambda.ordering`: what order a partition's records must be invoked in. */
export type Ordering = 'partition' | 'key' | 'none';
/**
 * What a Lambda batch whose transient retries ran out does: `fail` stops its partition whatever
 * behavior.on.error says (an outage is not a property of the records); `behavior.on.error`
 * applies that setting, logging a warning with the coordinates of every batch it skips or logs.
 */
export type RetriesExhaustedBehavior = 'fail' | 'behavior.on.error';
export type ErrorsTolerance = 'none' | 'all';
export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism =
  | 'PLAIN'
  | 'SCRAM-SHA-256'
  | 'SCRAM-SHA-512'
  /** Amazon MSK IAM; sent as OAUTHBEARER with a token from AWS's signer. */
  | 'AWS_MSK_IAM'
  /** OAUTHBEARER with AWS's IAMOAuthBearerLoginCallbackHandler (MSK IAM). */
  | 'OAUTHBEARER';
export type ConverterKind = 'string' | 'json' | 'bytearray' | SchemaRegistryFormat;
/** The Schema Registry converters: Avro, Protobuf and JSON Schema, read by schema id. */
export type SchemaRegistryFormat = 'avro' | 'protobuf' | 'jsonschema';
export type AutoOffsetReset = 'earliest' | 'latest';
/** Whether a FAILED partition takes readiness DOWN (`down`) or leaves the replica ready (`up`). */
export type ReadinessFailedPartitions = 'down' | 'up';

export interface ConverterOptions {
  kind: ConverterKind;
  /** JsonConverter only: unwrap the `{schema, payload}` envelope. */
  schemasEnable: boolean;
  /** The Schema Registry converters only: where and how schemas are fetched by id. */
  schemaRegistry?: SchemaRegistryOptions;
}

/**
 * A converter's Schema Registry client (`key.converter.schema.registry.url`, …), named as
 * Confluent's serializers name them. Holds secrets (user info, token, key material): never logged.
 */
export interface SchemaRegistryOptions {
  /** Tried in order; the next one when a registry cannot be reached or answers 5xx. */
  urls: string[];
  /** From `basic.auth.credentials.source` (USER_INFO, URL or SASL_INHERIT). */
  basicAuth?: { username: string; password: string };
  /** `bearer.auth.credentials.source=STATIC_TOKEN`. */
  bearerAuth?: { token: string; logicalCluster?: string; identityPoolId?: string };
  tls: SchemaRegistryTlsOptions;
  /** `http.connect.timeout.ms` */
  connectTimeoutMs: number;
  /** `http.read.timeout.ms` */
  readTimeoutMs: number;
  /** `schemas.cache.config`: how many schemas are kept, by id. */
  cacheCapacity: number;
  /** AvroConverter's `enhanced.avro.schema.support`: union branches named by full name. */
  enhancedAvroSchemaSupport: boolean;
  /** ProtobufConverter's `generate.index.for.unions`: a oneof's field is `<name>_<index>`. */
  generateIndexForUnions: boolean;
}

/** `schema.registry.ssl.*`, PEM or (key store only) PKCS12. Files are read when the client is built. */
export interface SchemaRegistryTlsOptions {
  truststoreLocation?: string;
  /** Inline PEM (`schema.registry.ssl.truststore.certificates`). */
  truststoreCertificates?: string;
  keystoreType: 'PEM' | 'PKCS12';
  keystoreLocation?: string;
  keystorePassword?: string;
  keyPassword?: string;
  /** Inline PEM key and chain (`schema.registry.ssl.keystore.key` / `.certificate.chain`). */
  keystoreKey?: string;
  keystoreCertificateChain?: string;
  /** `schema.registry.ssl.endpoint.identification.algorithm` empty turns the host check off. */
  verifyHostname: boolean;
}

export interface KafkaSecurityOptions {
  securityProtocol: SecurityProtocol;
  saslMechanism?: SaslMechanism;
  /** MSK IAM: IAMLoginModule's `awsProfileName` / `awsRoleArn` options, if any. */
  mskIam?: { profile?: string; roleArn?: string };
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
  /**
   * `aws.credentials.provider.role.arn` and friends (the open-source kafka-connect-lambda's
   * names): the role assumed with the credentials above (or the default chain) as its source.
   */
  assumeRole?: AssumeRoleOptions;
}

export interface AssumeRoleOptions {
  roleArn: string;
  sessionName: string;
  externalId?: string;
  /** 900–43200; STS's default (3600) when unset. */
  durationSeconds?: number;
}

export interface LambdaOptions {
  /**
   * `aws.lambda.configuration.mode`: `single` sends every topic to `functionName`; `multiple`
   * sends each topic to its function in `topicFunctions` (Confluent Cloud's LambdaSink).
   */
  configurationMode: ConfigurationMode;
  /** `aws.lambda.function.name`: set in single mode, unset in multiple mode. */
  functionName?: string;
  /** `aws.lambda.topic2function.map` (multiple mode): topic → function, one for every topic. */
  topicFunctions?: Readonly<Record<string, string>>;
  invocationType: InvocationType;
  batchSize: number;
  /** `aws.lambda.batch.max.wait.ms`: how long a partition may wait for a batch to fill. */
  batchMaxWaitMs: number;
  /** `aws.lambda.payload.format` (SPEC section 10). */
  payloadFormat: PayloadFormat;
  /**
   * `aws.lambda.filter.criteria`: AWS's FilterCriteria JSON (or one bare pattern); records no
   * pattern matches are not invoked and are committed. Unset: every record is invoked.
   */
  filterCriteria?: string;
  /** `aws.lambda.ordering` (SPEC section 4). */
  ordering: Ordering;
  /** `aws.lambda.max.in.flight.per.partition`: invocations at once per partition (key/none). */
  maxInFlightPerPartition: number;
  /** `aws.lambda.max.in.flight`: invocations at once in the process; 0 = unlimited. */
  maxInFlight: number;
  /** `aws.lambda.concurrency.adaptive`: lower the in-flight limit on throttling, raise it on success. */
  concurrencyAdaptive: boolean;
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
  /** `aws.lambda.proxy.url` (+ `.user`, `.password`): Lambda calls through this HTTP proxy. */
  proxy?: { url: string; user?: string; password?: string };
  /** `aws.lambda.response.partial.batch`: read `batchItemFailures` from the function's answer. */
  partialBatchResponse: boolean;
  /** `aws.lambda.bisect.on.error`: split a batch that met a function error to isolate its poison. */
  bisectOnError: boolean;
  /** `aws.lambda.function.error.retries`: retries of a function error before behavior.on.error. */
  functionErrorRetries: number;
  /** `aws.lambda.max.record.age.ms`: older records are not invoked but expire; -1 = no limit. */
  maxRecordAgeMs: number;
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

/**
 * One Single Message Transform (`transforms=<alias>`, `transforms.<alias>.type=…`), with its
 * settings (without the `transforms.<alias>.` prefix) and optional predicate.
 */
export interface TransformSpec {
  alias: string;
  /** The Kafka class name, e.g. `org.apache.kafka.connect.transforms.InsertField$Value`. */
  type: string;
  config: Record<string, string>;
  predicate?: { alias: string; type: string; config: Record<string, string> };
  /** `transforms.<alias>.negate`: apply where the predicate does not hold. */
  negate: boolean;
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
  /** `transforms`, in order; applied to each record after the converters. */
  transforms?: TransformSpec[];
  lambda: LambdaOptions;
  errors: ErrorHandlingOptions;
  reporter: ReporterOptions;
  /** HTTP listener for health/status/metrics, e.g. `http://0.0.0.0:8083`. */
  listeners: string;
  /** Who may change the sink's state through the REST API, and the listener's HTTPS material. */
  rest: RestOptions;
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

/**
 * The REST API's access rules (SPEC 11). With no authentication configured, requests that
 * change state are accepted from loopback only.
 */
export interface RestOptions {
  /** A users file in the format of Connect's `BasicAuthSecurityRestExtension`. */
  basicUsersFile?: string;
  /** The bearer token itself (usually from `LAMBDA_SINK_REST_AUTH_BEARER_TOKEN`). */
  bearerToken?: string;
  /** A file whose content (trimmed) is the bearer token. */
  bearerTokenFile?: string;
  /** `/metrics` needs the same credentials as state changes (default false: open). */
  metricsAuthRequired: boolean;
  /** PEM files for an `https://` listener. */
  https?: HttpsListenerOptions;
}

export interface HttpsListenerOptions {
  /** PEM private key (may hold the certificate chain too, as a PEM keystore does). */
  keyFile: string;
  /** PEM certificate chain; the key file is read for it when unset. */
  certificateFile?: string;
  keyPassword?: string;
}
