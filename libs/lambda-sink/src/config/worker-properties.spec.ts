import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties } from './test-properties';
import { applyWorkerProperties, describeConverters } from './worker-properties';

const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';
const AVRO = 'io.confluent.connect.avro.AvroConverter';
const JAAS =
  'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";';

describe('a Connect worker file', () => {
  const connector = () => {
    const { 'bootstrap.servers': _servers, ...rest } = minimalProperties();
    return rest;
  };

  it("gives the sink the worker's servers, consumer security and tuning, as Connect gives a sink task", () => {
    const { properties, warnings } = applyWorkerProperties(
      {
        'bootstrap.servers': 'broker:9092',
        // The worker's own clients' security: not the task consumer's in Connect.
        'security.protocol': 'SSL',
        'consumer.security.protocol': 'SASL_SSL',
        'consumer.sasl.mechanism': 'PLAIN',
        'consumer.sasl.jaas.config': JAAS,
        'consumer.max.poll.interval.ms': '600000',
        'group.id': 'connect-cluster',
        'offset.storage.topic': 'connect-offsets',
        'plugin.path': '/usr/share/java',
      },
      connector(),
    );
    const options = optionsFromConnectProperties(properties);
    assert.deepEqual(options.kafka.bootstrapServers, ['broker:9092']);
    assert.equal(options.kafka.securityProtocol, 'SASL_SSL');
    assert.equal(options.kafka.saslUsername, 'u');
    assert.equal(options.consumer.maxPollIntervalMs, 600_000);
    assert.equal(options.groupId, 'connect-orders-sink', "the worker's group.id is the cluster's");
    assert.deepEqual(warnings, [
      'worker settings security.protocol, group.id, offset.storage.topic, plugin.path have no effect here (Connect cluster internals)',
    ]);
  });

  it("lets the connector's own settings and consumer.override.* win", () => {
    const { properties } = applyWorkerProperties(
      { 'bootstrap.servers': 'worker:9092', 'consumer.security.protocol': 'SSL' },
      {
        ...connector(),
        'consumer.override.bootstrap.servers': 'override:9092',
        'consumer.override.security.protocol': 'PLAINTEXT',
      },
    );
    const options = optionsFromConnectProperties(properties);
    assert.deepEqual(options.kafka.bootstrapServers, ['override:9092']);
    assert.equal(options.kafka.securityProtocol, 'PLAINTEXT');
    assert.deepEqual(options.warnings, []);
  });

  it("uses the worker's converters and their settings unless the connector names its own", () => {
    const worker = {
      'bootstrap.servers': 'b:9092',
      'key.converter': AVRO,
      'key.converter.schema.registry.url': 'http://sr:8081',
      'value.converter': JSON_CONVERTER,
      'value.converter.schemas.enable': 'false',
    };
    const merged = applyWorkerProperties(worker, {
      ...connector(),
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'key.converter.schema.registry.url': 'http://ignored:8081',
    });
    const options = optionsFromConnectProperties(merged.properties);
    assert.equal(options.keyConverter.kind, 'avro');
    assert.deepEqual(options.keyConverter.schemaRegistry?.urls, ['http://sr:8081']);
    assert.equal(options.valueConverter.kind, 'string');
    assert.deepEqual(merged.converters, { key: 'worker', value: 'connector' });
    assert.deepEqual(merged.warnings, [
      "key.converter.schema.registry.url is ignored: the connector file does not set key.converter, so the worker's key.converter and its settings apply, as in Connect",
    ]);
    assert.equal(
      describeConverters(merged.properties, merged.converters),
      `key converter ${AVRO} (from the worker file); value converter org.apache.kafka.connect.storage.StringConverter (from the connector file)`,
    );
  });

  it('names the default converter and where the HTTP surface listens', () => {
    const merged = applyWorkerProperties(
      { 'bootstrap.servers': 'b:9092', 'rest.port': '8084' },
      connector(),
    );
    assert.equal(merged.properties.listeners, 'http://0.0.0.0:8084');
    assert.match(
      describeConverters(merged.properties, merged.converters),
      /^key converter org.apache.kafka.connect.storage.StringConverter \(Connect's default\)/,
    );
  });

  it('refuses consumer.override.* when the worker allows no overrides', () => {
    assert.throws(
      () =>
        applyWorkerProperties(
          { 'connector.client.config.override.policy': 'None' },
          { ...connector(), 'consumer.override.max.poll.interval.ms': '1000' },
        ),
      (error: Error) =>
        error instanceof ConfigValidationError &&
        /consumer.override.max.poll.interval.ms = "1000": is not allowed: the worker's connector.client.config.override.policy is None/.test(
          error.message,
        ),
    );
  });

  it('warns about worker settings it does not know', () => {
    const { warnings } = applyWorkerProperties({ 'bootstrap.server': 'typo:9092' }, connector());
    assert.deepEqual(warnings, [
      'unknown property bootstrap.server (worker file) is ignored (check the spelling)',
    ]);
  });
});
