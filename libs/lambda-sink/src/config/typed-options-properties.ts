import { CONVERTER_CLASSES } from './converter-classes';
import { buildJaasConfig } from './jaas-config';
import type { ConverterKind, SaslMechanism } from './lambda-sink-options';

/**
 * Typed option paths and the Connect property each stands for. Typed options are turned into
 * a property map and validated like a file, so both ways in share one set of rules and defaults,
 * and a problem names the path the user wrote (`lambda.batchSize`).
 */
const CONNECTION_PATHS: Record<string, string> = {
  bootstrapServers: 'bootstrap.servers',
  clientId: 'client.id',
  securityProtocol: 'security.protocol',
  saslMechanism: 'sasl.mechanism',
  sslCaLocation: 'ssl.ca.location',
  sslCertificateLocation: 'ssl.certificate.location',
  sslKeyLocation: 'ssl.key.location',
  sslKeyPassword: 'ssl.key.password',
  sslTruststoreLocation: 'ssl.truststore.location',
  sslTruststoreType: 'ssl.truststore.type',
  sslKeystoreLocation: 'ssl.keystore.location',
  sslKeystoreType: 'ssl.keystore.type',
  sslKeystorePassword: 'ssl.keystore.password',
  sslEndpointIdentificationAlgorithm: 'ssl.endpoint.identification.algorithm',
};

const prefixed = (pathPrefix: string, propertyPrefix: string) =>
  Object.fromEntries(
    Object.entries(CONNECTION_PATHS).map(([path, name]) => [
      pathPrefix + path,
      propertyPrefix + name,
    ]),
  );

/** A Schema Registry converter's typed settings (`valueConverter.schemaRegistry.*`). */
function registryPaths(which: 'key' | 'value'): Record<string, string> {
  const paths: Record<string, string> = {
    urls: 'schema.registry.url',
    'bearerAuth.logicalCluster': 'bearer.auth.logical.cluster',
    'bearerAuth.identityPoolId': 'bearer.auth.identity.pool.id',
    'tls.truststoreLocation': 'schema.registry.ssl.truststore.location',
    'tls.truststoreCertificates': 'schema.registry.ssl.truststore.certificates',
    'tls.keystoreType': 'schema.registry.ssl.keystore.type',
    'tls.keystoreLocation': 'schema.registry.ssl.keystore.location',
    'tls.keystorePassword': 'schema.registry.ssl.keystore.password',
    'tls.keyPassword': 'schema.registry.ssl.key.password',
    'tls.keystoreKey': 'schema.registry.ssl.keystore.key',
    'tls.keystoreCertificateChain': 'schema.registry.ssl.keystore.certificate.chain',
    connectTimeoutMs: 'http.connect.timeout.ms',
    readTimeoutMs: 'http.read.timeout.ms',
    cacheCapacity: 'schemas.cache.config',
    enhancedAvroSchemaSupport: 'enhanced.avro.schema.support',
    generateIndexForUnions: 'generate.index.for.unions',
  };
  return Object.fromEntries(
    Object.entries(paths).map(([path, name]) => [
      `${which}Converter.schemaRegistry.${path}`,
      `${which}.converter.${name}`,
    ]),
  );
}

export const TYPED_OPTION_PROPERTIES: Readonly<Record<string, string>> = {
  name: 'name',
  connectorClass: 'connector.class',
  tasksMax: 'tasks.max',
  topics: 'topics',
  topicsRegex: 'topics.regex',
  ...prefixed('kafka.', ''),
  groupId: 'group.id',
  autoOffsetReset: 'consumer.override.auto.offset.reset',
  'consumer.sessionTimeoutMs': 'consumer.override.session.timeout.ms',
  'consumer.heartbeatIntervalMs': 'consumer.override.heartbeat.interval.ms',
  'consumer.maxPollIntervalMs': 'consumer.override.max.poll.interval.ms',
  'consumer.maxPartitionFetchBytes': 'consumer.override.max.partition.fetch.bytes',
  'consumer.fetchMaxBytes': 'consumer.override.fetch.max.bytes',
  'consumer.metadataMaxAgeMs': 'consumer.override.metadata.max.age.ms',
  'keyConverter.schemasEnable': 'key.converter.schemas.enable',
  'valueConverter.schemasEnable': 'value.converter.schemas.enable',
  'lambda.functionName': 'aws.lambda.function.name',
  'lambda.configurationMode': 'aws.lambda.configuration.mode',
  'lambda.invocationType': 'aws.lambda.invocation.type',
  'lambda.batchSize': 'aws.lambda.batch.size',
  'lambda.batchMaxWaitMs': 'aws.lambda.batch.max.wait.ms',
  'lambda.payloadFormat': 'aws.lambda.payload.format',
  'lambda.filterCriteria': 'aws.lambda.filter.criteria',
  'lambda.ordering': 'aws.lambda.ordering',
  'lambda.maxInFlightPerPartition': 'aws.lambda.max.in.flight.per.partition',
  'lambda.maxInFlight': 'aws.lambda.max.in.flight',
  'lambda.concurrencyAdaptive': 'aws.lambda.concurrency.adaptive',
  'lambda.partialBatchResponse': 'aws.lambda.response.partial.batch',
  'lambda.bisectOnError': 'aws.lambda.bisect.on.error',
  'lambda.functionErrorRetries': 'aws.lambda.function.error.retries',
  'lambda.maxRecordAgeMs': 'aws.lambda.max.record.age.ms',
  'lambda.region': 'aws.lambda.region',
  'lambda.endpoint': 'aws.lambda.endpoint',
  'lambda.credentials.accessKeyId': 'aws.access.key.id',
  'lambda.credentials.secretAccessKey': 'aws.secret.access.key',
  'lambda.credentials.sessionToken': 'aws.session.token',
  'lambda.credentials.providerClass': 'aws.credentials.provider.class',
  'lambda.credentials.assumeRole.roleArn': 'aws.credentials.provider.role.arn',
  'lambda.credentials.assumeRole.sessionName': 'aws.credentials.provider.session.name',
  'lambda.credentials.assumeRole.externalId': 'aws.credentials.provider.external.id',
  'lambda.credentials.assumeRole.durationSeconds': 'aws.credentials.provider.duration.seconds',
  'lambda.socketTimeoutMs': 'aws.lambda.socket.timeout',
  'lambda.invokeThreads': 'aws.lambda.invoke.threads',
  'lambda.maxRetries': 'aws.lambda.max.retries',
  'lambda.retryBackoffMs': 'aws.lambda.retry.backoff.ms',
  'lambda.retryBackoffMaxMs': 'aws.lambda.retry.backoff.max.ms',
  'lambda.validate': 'aws.lambda.validate',
  'lambda.proxy.url': 'aws.lambda.proxy.url',
  'lambda.proxy.user': 'aws.lambda.proxy.user',
  'lambda.proxy.password': 'aws.lambda.proxy.password',
  'errors.behaviorOnError': 'behavior.on.error',
  'errors.retriesExhausted': 'behavior.on.retries.exhausted',
  'errors.errorsTolerance': 'errors.tolerance',
  'errors.deadLetterQueueTopic': 'errors.deadletterqueue.topic.name',
  'errors.deadLetterQueueContextHeaders': 'errors.deadletterqueue.context.headers.enable',
  'errors.deadLetterQueueReplicationFactor': 'errors.deadletterqueue.topic.replication.factor',
  'errors.errorsLogEnable': 'errors.log.enable',
  ...prefixed('reporter.connection.', 'reporter.'),
  'reporter.resultTopic': 'reporter.result.topic.name',
  'reporter.errorTopic': 'reporter.error.topic.name',
  'reporter.resultTopicReplicationFactor': 'reporter.result.topic.replication.factor',
  'reporter.resultTopicPartitions': 'reporter.result.topic.partitions',
  'reporter.errorTopicReplicationFactor': 'reporter.error.topic.replication.factor',
  'reporter.errorTopicPartitions': 'reporter.error.topic.partitions',
  listeners: 'listeners',
  'rest.basicUsersFile': 'rest.auth.basic.users.file',
  'rest.bearerToken': 'rest.auth.bearer.token',
  'rest.bearerTokenFile': 'rest.auth.bearer.token.file',
  'rest.metricsAuthRequired': 'rest.auth.metrics.required',
  'rest.https.keyFile': 'listeners.https.ssl.key.location',
  'rest.https.certificateFile': 'listeners.https.ssl.certificate.location',
  'rest.https.keyPassword': 'listeners.https.ssl.key.password',
  shutdownTimeoutMs: 'shutdown.timeout.ms',
  ...registryPaths('key'),
  ...registryPaths('value'),
  readinessFailedPartitions: 'readiness.failed.partitions',
};

export interface TypedProperties {
  properties: Record<string, string>;
  /** Property → the typed path it came from. */
  writtenAs: Record<string, string>;
}

function at(options: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], options);
}

/** The property map typed options stand for. Values are not checked here: validation does it. */
export function propertiesFromTypedOptions(options: object): TypedProperties {
  const properties: Record<string, string> = {};
  // Every property is named by its path, set or not: "lambda.functionName (not set): is required".
  const writtenAs: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(TYPED_OPTION_PROPERTIES).map(([path, name]) => [name, path]),
    ),
    'key.converter': 'keyConverter.kind',
    'value.converter': 'valueConverter.kind',
    'aws.lambda.topic2function.map': 'lambda.topicFunctions',
    'sasl.jaas.config': 'kafka.saslUsername/saslPassword',
    'reporter.sasl.jaas.config': 'reporter.connection.saslUsername/saslPassword',
  };
  const set = (property: string, value: string, path: string) => {
    properties[property] = value;
    writtenAs[property] = path;
  };

  for (const [path, property] of Object.entries(TYPED_OPTION_PROPERTIES)) {
    const value = at(options, path);
    if (value === undefined || value === null) continue;
    set(property, Array.isArray(value) ? value.join(',') : String(value), path);
  }

  // `{ orders: 'fn1', payments: 'fn2' }` is what the property writes `orders;fn1,payments;fn2`.
  const topicFunctions = at(options, 'lambda.topicFunctions');
  if (topicFunctions !== undefined && topicFunctions !== null) {
    const entries = Object.entries(topicFunctions as Record<string, unknown>);
    const text = entries.map(([topic, fn]) => `${topic};${String(fn)}`).join(',');
    set('aws.lambda.topic2function.map', text, 'lambda.topicFunctions');
  }

  for (const which of ['key', 'value']) {
    const path = `${which}Converter.kind`;
    const kind = at(options, path);
    // An unknown kind is passed through so validation reports it against the path.
    if (kind !== undefined) {
      set(`${which}.converter`, CONVERTER_CLASSES[kind as ConverterKind] ?? String(kind), path);
    }
  }

  // Typed registry credentials are what the properties' USER_INFO and STATIC_TOKEN sources carry.
  for (const which of ['key', 'value']) {
    const base = `${which}Converter.schemaRegistry`;
    const basic = at(options, `${base}.basicAuth`) as
      { username?: string; password?: string } | undefined;
    if (basic !== undefined) {
      set(`${which}.converter.basic.auth.credentials.source`, 'USER_INFO', `${base}.basicAuth`);
      set(
        `${which}.converter.basic.auth.user.info`,
        `${basic.username ?? ''}:${basic.password ?? ''}`,
        `${base}.basicAuth`,
      );
    }
    const token = at(options, `${base}.bearerAuth.token`);
    if (token !== undefined) {
      set(
        `${which}.converter.bearer.auth.credentials.source`,
        'STATIC_TOKEN',
        `${base}.bearerAuth`,
      );
      set(`${which}.converter.bearer.auth.token`, String(token), `${base}.bearerAuth.token`);
    }
    const verify = at(options, `${base}.tls.verifyHostname`);
    if (verify === false) {
      set(
        `${which}.converter.schema.registry.ssl.endpoint.identification.algorithm`,
        '',
        `${base}.tls.verifyHostname`,
      );
    }
  }

  // Typed options carry the parsed username and password; Connect carries a JAAS string.
  for (const [pathPrefix, propertyPrefix] of [
    ['kafka.', ''],
    ['reporter.connection.', 'reporter.'],
  ]) {
    const username = at(options, `${pathPrefix}saslUsername`) as string | undefined;
    const password = at(options, `${pathPrefix}saslPassword`) as string | undefined;
    if (username === undefined && password === undefined) continue;
    const mechanism = (at(options, `${pathPrefix}saslMechanism`) ??
      at(options, 'kafka.saslMechanism')) as SaslMechanism | undefined;
    const jaas = buildJaasConfig(mechanism, { username, password });
    set(`${propertyPrefix}sasl.jaas.config`, jaas, `${pathPrefix}saslUsername/saslPassword`);
  }
  return { properties, writtenAs };
}
