import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties, writeTempFiles } from './test-properties';

describe('optionsFromConnectProperties defaults', () => {
  const options = optionsFromConnectProperties(minimalProperties());

  it('applies every connector default', () => {
    assert.equal(options.name, 'orders-sink');
    assert.equal(options.connectorClass, undefined);
    assert.equal(options.tasksMax, 1);
    assert.deepEqual(options.topics, ['orders']);
    assert.equal(options.topicsRegex, undefined);
    assert.equal(options.groupId, 'connect-orders-sink');
    assert.equal(options.autoOffsetReset, 'earliest');
    assert.equal(options.listeners, 'http://0.0.0.0:8083');
    assert.equal(options.shutdownTimeoutMs, 30000);
    assert.deepEqual(options.warnings, []);
  });

  it('applies every Lambda default', () => {
    assert.deepEqual(options.lambda, {
      configurationMode: 'single',
      functionName: 'process-orders',
      invocationType: 'sync',
      batchSize: 20,
      batchMaxWaitMs: 0,
      payloadFormat: 'connect',
      filterCriteria: undefined,
      ordering: 'partition',
      maxInFlightPerPartition: 8,
      maxInFlight: 0,
      concurrencyAdaptive: true,
      region: undefined,
      endpoint: undefined,
      credentials: {
        accessKeyId: undefined,
        secretAccessKey: undefined,
        sessionToken: undefined,
        providerClass: undefined,
      },
      socketTimeoutMs: 50000,
      invokeThreads: 0,
      maxRetries: 30,
      retryBackoffMs: 100,
      retryBackoffMaxMs: 10000,
      validate: true,
      partialBatchResponse: false,
      bisectOnError: false,
      functionErrorRetries: 0,
      maxRecordAgeMs: -1,
    });
  });

  it('applies the Kafka connection and converter defaults', () => {
    assert.equal(options.kafka.clientId, 'lambda-sink-orders-sink');
    assert.deepEqual(options.kafka.bootstrapServers, ['localhost:9092']);
    assert.equal(options.kafka.securityProtocol, 'PLAINTEXT');
    assert.equal(options.kafka.saslMechanism, undefined);
    assert.deepEqual(options.keyConverter, { kind: 'string', schemasEnable: false });
    assert.deepEqual(options.valueConverter, { kind: 'string', schemasEnable: false });
  });

  it('applies the error handling defaults', () => {
    assert.deepEqual(options.errors, {
      behaviorOnError: 'fail',
      retriesExhausted: 'fail',
      errorsTolerance: 'none',
      deadLetterQueueTopic: undefined,
      deadLetterQueueContextHeaders: false,
      deadLetterQueueReplicationFactor: 3,
      errorsLogEnable: false,
    });
  });

  it('applies the reporter defaults from name and the main connection', () => {
    assert.equal(options.reporter.resultTopic, 'orders-sink-success');
    assert.equal(options.reporter.errorTopic, 'orders-sink-error');
    assert.equal(options.reporter.resultTopicReplicationFactor, 3);
    assert.equal(options.reporter.resultTopicPartitions, 1);
    assert.equal(options.reporter.errorTopicReplicationFactor, 3);
    assert.equal(options.reporter.errorTopicPartitions, 1);
    assert.deepEqual(options.reporter.connection, {
      ...options.kafka,
      clientId: 'lambda-sink-orders-sink-reporter',
    });
  });

  it('keeps the properties as written in maskedProperties', () => {
    assert.deepEqual(options.maskedProperties, minimalProperties());
  });
});

describe('optionsFromConnectProperties reading values', () => {
  it('reads every setting as written, enumerations in any case', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        topics: ' orders , refunds ',
        'tasks.max': '4',
        'aws.lambda.invocation.type': 'SYNC',
        'aws.lambda.batch.size': '50',
        'aws.lambda.region': 'eu-west-1',
        'aws.lambda.endpoint': 'http://127.0.0.1:9001',
        'aws.lambda.validate': 'FALSE',
        'aws.lambda.retry.backoff.ms': '20000',
        'behavior.on.error': 'Log',
        'consumer.override.auto.offset.reset': 'latest',
        'group.id': 'legacy-group',
        'errors.tolerance': 'ALL',
        'errors.log.enable': 'True',
        'reporter.result.topic.name': '',
        'reporter.error.topic.partitions': '6',
      }),
    );
    assert.deepEqual(options.topics, ['orders', 'refunds']);
    assert.equal(options.tasksMax, 4);
    assert.equal(options.lambda.invocationType, 'sync');
    assert.equal(options.lambda.batchSize, 50);
    assert.equal(options.lambda.region, 'eu-west-1');
    assert.equal(options.lambda.endpoint, 'http://127.0.0.1:9001');
    assert.equal(options.lambda.validate, false);
    // A base above the default ceiling lifts the ceiling instead of failing.
    assert.equal(options.lambda.retryBackoffMaxMs, 20000);
    assert.equal(options.errors.behaviorOnError, 'log');
    assert.equal(options.autoOffsetReset, 'latest');
    assert.equal(options.groupId, 'legacy-group');
    assert.equal(options.errors.errorsTolerance, 'all');
    assert.equal(options.errors.errorsLogEnable, true);
    assert.equal(options.reporter.resultTopic, undefined, 'empty disables the result topic');
    assert.equal(options.reporter.errorTopicPartitions, 6);
  });

  it('accepts a topics.regex instead of topics', () => {
    const { topics, ...rest } = minimalProperties();
    assert.equal(topics, 'orders');
    const options = optionsFromConnectProperties({ ...rest, 'topics.regex': 'orders-.*' });
    assert.equal(options.topics, undefined);
    assert.equal(options.topicsRegex, 'orders-.*');
  });

  it('selects converters by their Java class names, schemas on for JSON by default', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'key.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      }),
    );
    assert.deepEqual(options.keyConverter, { kind: 'bytearray', schemasEnable: false });
    assert.deepEqual(options.valueConverter, { kind: 'json', schemasEnable: true });

    const plain = optionsFromConnectProperties(
      minimalProperties({
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'key.converter.schemas.enable': 'false',
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter.schemas.enable': 'true',
      }),
    );
    assert.deepEqual(plain.keyConverter, { kind: 'json', schemasEnable: false });
    assert.deepEqual(plain.valueConverter, { kind: 'string', schemasEnable: false });
  });

  it('parses SASL credentials and gives the reporter the main security settings', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'security.protocol': 'sasl_ssl',
        'sasl.mechanism': 'scram-sha-512',
        'sasl.jaas.config':
          'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="s3cret";',
        'reporter.bootstrap.servers': 'other:9093',
      }),
    );
    assert.equal(options.kafka.securityProtocol, 'SASL_SSL');
    assert.equal(options.kafka.saslMechanism, 'SCRAM-SHA-512');
    assert.equal(options.kafka.saslUsername, 'alice');
    assert.equal(options.kafka.saslPassword, 's3cret');
    const { bootstrapServers, clientId, ...security } = options.reporter.connection;
    assert.deepEqual(bootstrapServers, ['other:9093']);
    assert.equal(clientId, 'lambda-sink-orders-sink-reporter');
    const { bootstrapServers: _b, clientId: _c, ...mainSecurity } = options.kafka;
    assert.deepEqual(security, mainSecurity);
  });

  it('reads PEM locations for SSL', () => {
    const pem = writeTempFiles({ 'ca.pem': 'CA', 'cert.pem': 'CERT', 'key.pem': 'KEY' });
    const options = optionsFromConnectProperties(
      minimalProperties({
        'security.protocol': 'SSL',
        'ssl.ca.location': pem['ca.pem'],
        'ssl.certificate.location': pem['cert.pem'],
        'ssl.key.location': pem['key.pem'],
        'ssl.key.password': 'pem-pass',
      }),
    );
    assert.equal(options.kafka.sslCaLocation, pem['ca.pem']);
    assert.equal(options.kafka.sslCertificateLocation, pem['cert.pem']);
    assert.equal(options.kafka.sslKeyLocation, pem['key.pem']);
    assert.equal(options.kafka.sslKeyPassword, 'pem-pass');
    assert.equal(options.maskedProperties['ssl.key.password'], '[hidden]');
  });

  it('reads the Confluent reporter fallbacks: confluent.topic.* and reporter.producer.*', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'confluent.topic.bootstrap.servers': 'license:9092',
        'confluent.topic.replication.factor': '1',
        'confluent.license': '',
        'reporter.producer.security.protocol': 'SSL',
        'reporter.error.topic.replication.factor': '2',
      }),
    );
    assert.deepEqual(options.reporter.connection.bootstrapServers, ['license:9092']);
    assert.equal(options.reporter.resultTopicReplicationFactor, 1);
    assert.equal(options.reporter.errorTopicReplicationFactor, 2, 'own name wins over alias');
    assert.equal(options.reporter.connection.securityProtocol, 'SSL');
    assert.deepEqual(options.warnings, []);
  });
});
