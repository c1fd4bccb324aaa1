import { CONFIG_DEFAULTS as D } from './config-defaults';
import { converterKindOf, usesSchemaRegistry } from './converter-classes';
import { isAwsIamMechanism, parseJaasConfig } from './jaas-config';
import { REPORTER_PREFIX } from './lambda-sink-properties';
import type {
  AssumeRoleOptions,
  AutoOffsetReset,
  BehaviorOnError,
  Ordering,
  PayloadFormat,
  RetriesExhaustedBehavior,
  ConverterOptions,
  ErrorsTolerance,
  HttpsListenerOptions,
  InvocationType,
  KafkaConnectionOptions,
  KafkaSecurityOptions,
  ReadinessFailedPartitions,
  LambdaSinkOptions,
  SaslMechanism,
  SecurityProtocol,
} from './lambda-sink-options';
import { parseBoolean, parseInteger, parseList } from './property-parsers';
import { reporterTopicDefaults } from './reporter-properties';
import { schemaRegistryOptions } from './schema-registry-options';
import { configurationModeOf, topicFunctionsOf } from './topic-function-map';

type Values = Record<string, string | undefined>;
export type MappedOptions = Omit<LambdaSinkOptions, 'maskedProperties' | 'warnings'>;

/**
 * Typed options from a property map that passed validation: strings are read, enumerations
 * normalised to one case, and every default applied. Only called after `validateConnectProperties`
 * found nothing, so the parsers here cannot fail.
 */
export function toLambdaSinkOptions(values: Values): MappedOptions {
  const read = reader(values);
  const name = read.text('name') as string;
  const invocationType = read.lower<InvocationType>('aws.lambda.invocation.type', D.invocationType);
  const retryBackoffMs = read.int('aws.lambda.retry.backoff.ms', D.retryBackoffMs);
  const kafka = connection(values, '', read.text('client.id') ?? `lambda-sink-${name}`);
  const topicDefaults = reporterTopicDefaults(name);
  const topicsText = read.text('topics');
  const configurationMode = configurationModeOf(values);

  return {
    name,
    connectorClass: read.text('connector.class'),
    tasksMax: read.int('tasks.max', D.tasksMax),
    topics: topicsText === undefined ? undefined : parseList(topicsText),
    topicsRegex: read.text('topics.regex'),
    kafka,
    groupId: read.text('group.id') ?? `connect-${name}`,
    autoOffsetReset: read.lower<AutoOffsetReset>(
      'consumer.override.auto.offset.reset',
      D.autoOffsetReset,
    ),
    consumer: {
      sessionTimeoutMs: read.int('consumer.override.session.timeout.ms', D.sessionTimeoutMs),
      heartbeatIntervalMs: read.int(
        'consumer.override.heartbeat.interval.ms',
        D.heartbeatIntervalMs,
      ),
      maxPollIntervalMs: read.int('consumer.override.max.poll.interval.ms', D.maxPollIntervalMs),
      maxPartitionFetchBytes: read.int(
        'consumer.override.max.partition.fetch.bytes',
        D.maxPartitionFetchBytes,
      ),
      fetchMaxBytes: read.int('consumer.override.fetch.max.bytes', D.fetchMaxBytes),
      metadataMaxAgeMs: read.int('consumer.override.metadata.max.age.ms', D.metadataMaxAgeMs),
    },
    keyConverter: converter(values, 'key'),
    valueConverter: converter(values, 'value'),
    lambda: {
      configurationMode,
      // In multiple mode a function.name left in the file is not used (a startup warning says so).
      functionName:
        configurationMode === 'single' ? read.text('aws.lambda.function.name') : undefined,
      ...(configurationMode === 'multiple' && { topicFunctions: topicFunctionsOf(values) }),
      invocationType,
      batchSize: read.int('aws.lambda.batch.size', D.batchSize),
      batchMaxWaitMs: read.int('aws.lambda.batch.max.wait.ms', D.batchMaxWaitMs),
      payloadFormat: read.lower<PayloadFormat>('aws.lambda.payload.format', D.payloadFormat),
      filterCriteria: read.text('aws.lambda.filter.criteria'),
      ordering: read.lower<Ordering>('aws.lambda.ordering', D.ordering),
      maxInFlightPerPartition: read.int(
        'aws.lambda.max.in.flight.per.partition',
        D.maxInFlightPerPartition,
      ),
      maxInFlight: read.int('aws.lambda.max.in.flight', D.maxInFlight),
      concurrencyAdaptive: read.bool('aws.lambda.concurrency.adaptive', D.concurrencyAdaptive),
      region: read.text('aws.lambda.region'),
      endpoint: read.text('aws.lambda.endpoint'),
      credentials: {
        accessKeyId: read.text('aws.access.key.id'),
        secretAccessKey: read.text('aws.secret.access.key'),
        sessionToken: read.text('aws.session.token'),
        providerClass: read.text('aws.credentials.provider.class'),
        ...(values['aws.credentials.provider.role.arn'] !== undefined && {
          assumeRole: assumeRole(values),
        }),
      },
      socketTimeoutMs: read.int('aws.lambda.socket.timeout', D.socketTimeoutMs),
      invokeThreads: read.int('aws.lambda.invoke.threads', D.invokeThreads),
      maxRetries: read.int('aws.lambda.max.retries', D.maxRetries),
      retryBackoffMs,
      // A base raised above the default ceiling lifts the ceiling with it rather than failing.
      retryBackoffMaxMs: read.int(
        'aws.lambda.retry.backoff.max.ms',
        Math.max(D.retryBackoffMaxMs, retryBackoffMs),
      ),
      validate: read.bool('aws.lambda.validate', D.validate),
      partialBatchResponse: read.bool('aws.lambda.response.partial.batch', D.partialBatchResponse),
      bisectOnError: read.bool('aws.lambda.bisect.on.error', D.bisectOnError),
      functionErrorRetries: read.int('aws.lambda.function.error.retries', D.functionErrorRetries),
      maxRecordAgeMs: read.int('aws.lambda.max.record.age.ms', D.maxRecordAgeMs),
      ...(values['aws.lambda.proxy.url'] !== undefined && {
        proxy: {
          url: values['aws.lambda.proxy.url'] as string,
          user: values['aws.lambda.proxy.user'],
          password: values['aws.lambda.proxy.password'],
        },
      }),
    },
    errors: {
      behaviorOnError: read.lower<BehaviorOnError>('behavior.on.error', D.behaviorOnError),
      retriesExhausted: read.lower<RetriesExhaustedBehavior>(
        'behavior.on.retries.exhausted',
        D.retriesExhausted,
      ),
      errorsTolerance: read.lower<ErrorsTolerance>('errors.tolerance', D.errorsTolerance),
      deadLetterQueueTopic: read.text('errors.deadletterqueue.topic.name'),
      deadLetterQueueContextHeaders: read.bool(
        'errors.deadletterqueue.context.headers.enable',
        D.deadLetterQueueContextHeaders,
      ),
      deadLetterQueueReplicationFactor: read.int(
        'errors.deadletterqueue.topic.replication.factor',
        D.replicationFactor,
      ),
      errorsLogEnable: read.bool('errors.log.enable', D.errorsLogEnable),
    },
    reporter: {
      connection: connection(
        values,
        REPORTER_PREFIX,
        read.text('reporter.client.id') ?? `${kafka.clientId}-reporter`,
      ),
      // Async invocations return no result, so there is nothing to write (see the warnings).
      resultTopic:
        invocationType === 'async'
          ? undefined
          : reporterTopic(read.text('reporter.result.topic.name'), topicDefaults.result),
      errorTopic: reporterTopic(read.text('reporter.error.topic.name'), topicDefaults.error),
      resultTopicReplicationFactor: read.int(
        'reporter.result.topic.replication.factor',
        D.replicationFactor,
      ),
      resultTopicPartitions: read.int('reporter.result.topic.partitions', D.partitions),
      errorTopicReplicationFactor: read.int(
        'reporter.error.topic.replication.factor',
        D.replicationFactor,
      ),
      errorTopicPartitions: read.int('reporter.error.topic.partitions', D.partitions),
    },
    listeners: read.text('listeners') ?? D.listeners,
    rest: {
      basicUsersFile: read.text('rest.auth.basic.users.file'),
      bearerToken: read.text('rest.auth.bearer.token'),
      bearerTokenFile: read.text('rest.auth.bearer.token.file'),
      metricsAuthRequired: read.bool('rest.auth.metrics.required', D.restMetricsAuthRequired),
      https: httpsListener(values),
    },
    shutdownTimeoutMs: read.int('shutdown.timeout.ms', D.shutdownTimeoutMs),
    readinessFailedPartitions: (read.text('readiness.failed.partitions')?.toLowerCase() ??
      D.readinessFailedPartitions) as ReadinessFailedPartitions,
  };
}

function reader(values: Values) {
  return {
    text: (name: string) => values[name],
    int: (name: string, fallback: number) => parseInteger(values[name] ?? '') ?? fallback,
    bool: (name: string, fallback: boolean) => parseBoolean(values[name] ?? '') ?? fallback,
    lower: <T extends string>(name: string, fallback: T) =>
      (values[name]?.toLowerCase() ?? fallback) as T,
  };
}

/** The key and certificate files: Connect's PEM keystore (both in one file) or two files. */
function httpsListener(values: Values): HttpsListenerOptions | undefined {
  const keyFile =
    values['listeners.https.ssl.key.location'] ?? values['listeners.https.ssl.keystore.location'];
  if (keyFile === undefined) return undefined;
  return {
    keyFile,
    certificateFile: values['listeners.https.ssl.certificate.location'],
    keyPassword: values['listeners.https.ssl.key.password'],
  };
}

/** The role to assume, when `aws.credentials.provider.role.arn` is set. */
function assumeRole(values: Values): AssumeRoleOptions | undefined {
  const roleArn = values['aws.credentials.provider.role.arn'];
  if (roleArn === undefined) return undefined;
  const duration = values['aws.credentials.provider.duration.seconds'];
  return {
    roleArn,
    // The open-source connector's default session name.
    sessionName: values['aws.credentials.provider.session.name'] ?? 'lambda-sink',
    externalId: values['aws.credentials.provider.external.id'],
    durationSeconds: duration === undefined ? undefined : parseInteger(duration),
  };
}

/** Empty disables a reporter topic; unset means the default derived from `name`. */
function reporterTopic(value: string | undefined, fallback: string): string | undefined {
  return value === undefined ? fallback : value === '' ? undefined : value;
}

function converter(values: Values, which: 'key' | 'value'): ConverterOptions {
  const className = values[`${which}.converter`];
  const kind = className === undefined ? D.converter : (converterKindOf(className) ?? D.converter);
  const schemas = parseBoolean(values[`${which}.converter.schemas.enable`] ?? '');
  return {
    kind,
    schemasEnable: kind === 'json' ? (schemas ?? D.jsonSchemasEnable) : false,
    ...(usesSchemaRegistry(kind) && {
      schemaRegistry: schemaRegistryOptions(values, `${which}.converter.`),
    }),
  };
}

/** The consumer's connection (prefix `''`) or the reporter's, whose unset settings are the consumer's. */
function connection(values: Values, prefix: string, clientId: string): KafkaConnectionOptions {
  const get = (name: string) => values[prefix + name] ?? (prefix ? values[name] : undefined);
  return {
    bootstrapServers: parseList(get('bootstrap.servers') ?? ''),
    clientId,
    ...security(get),
  };
}

const storeType = (value: string | undefined) =>
  value?.toUpperCase() as KafkaSecurityOptions['sslTruststoreType'];

function security(get: (name: string) => string | undefined): KafkaSecurityOptions {
  const securityProtocol = (get('security.protocol')?.toUpperCase() ??
    D.securityProtocol) as SecurityProtocol;
  const sasl = securityProtocol.startsWith('SASL_');
  const jaasText = get('sasl.jaas.config');
  const jaas = sasl && jaasText !== undefined ? parseJaasConfig(jaasText).options : undefined;
  const tls = securityProtocol.endsWith('SSL');
  const ssl = (name: string) => (tls ? get(name) : undefined);
  return {
    securityProtocol,
    saslMechanism: sasl ? (get('sasl.mechanism')?.toUpperCase() as SaslMechanism) : undefined,
    ...(sasl &&
      isAwsIamMechanism(get('sasl.mechanism')) && {
        mskIam: { profile: jaas?.awsProfileName, roleArn: jaas?.awsRoleArn },
      }),
    saslUsername: jaas?.username,
    saslPassword: jaas?.password,
    sslCaLocation: ssl('ssl.ca.location'),
    sslCertificateLocation: ssl('ssl.certificate.location'),
    sslKeyLocation: ssl('ssl.key.location'),
    sslKeyPassword: ssl('ssl.key.password'),
    sslTruststoreLocation: ssl('ssl.truststore.location'),
    sslTruststoreType: storeType(ssl('ssl.truststore.type')),
    sslKeystoreLocation: ssl('ssl.keystore.location'),
    sslKeystoreType: storeType(ssl('ssl.keystore.type')),
    sslKeystorePassword: ssl('ssl.keystore.password'),
    sslEndpointIdentificationAlgorithm: ssl('ssl.endpoint.identification.algorithm'),
  };
}
