import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromModuleOptions } from './lambda-sink-config-input';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties } from './test-properties';

describe('optionsFromModuleOptions', () => {
  it('validates a property map exactly as a file', () => {
    assert.deepEqual(
      optionsFromModuleOptions({ properties: minimalProperties() }),
      optionsFromConnectProperties(minimalProperties()),
    );
  });

  it('gives typed options the same defaults as the equivalent properties', () => {
    const typed = optionsFromModuleOptions({
      name: 'orders-sink',
      topics: ['orders'],
      kafka: { bootstrapServers: ['localhost:9092'] },
      lambda: { functionName: 'process-orders' },
    });
    const { maskedProperties, ...fromTyped } = typed;
    const { maskedProperties: _, ...fromProperties } =
      optionsFromConnectProperties(minimalProperties());
    assert.deepEqual(fromTyped, fromProperties);
    assert.deepEqual(maskedProperties, minimalProperties());
  });

  it('turns every typed field into its property', () => {
    const options = optionsFromModuleOptions({
      name: 'orders-sink',
      topicsRegex: 'orders-.*',
      kafka: {
        bootstrapServers: ['a:9092', 'b:9092'],
        securityProtocol: 'SASL_PLAINTEXT',
        saslMechanism: 'SCRAM-SHA-256',
        saslUsername: 'alice',
        saslPassword: 'pa"ss',
      },
      valueConverter: { kind: 'json', schemasEnable: false },
      lambda: {
        functionName: 'process-orders:live',
        invocationType: 'async',
        batchSize: 5,
        validate: false,
        credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'secret-key' },
      },
      errors: { behaviorOnError: 'log', errorsTolerance: 'all' },
      reporter: { errorTopic: '', connection: { bootstrapServers: ['r:9092'] } },
      shutdownTimeoutMs: 1000,
    });
    assert.equal(options.topicsRegex, 'orders-.*');
    assert.deepEqual(options.kafka.bootstrapServers, ['a:9092', 'b:9092']);
    assert.equal(options.kafka.saslMechanism, 'SCRAM-SHA-256');
    assert.equal(options.kafka.saslUsername, 'alice');
    assert.equal(options.kafka.saslPassword, 'pa"ss');
    assert.deepEqual(options.valueConverter, { kind: 'json', schemasEnable: false });
    assert.equal(options.lambda.invocationType, 'async');
    assert.equal(options.lambda.batchSize, 5);
    assert.equal(options.lambda.validate, false);
    assert.equal(options.lambda.credentials.secretAccessKey, 'secret-key');
    assert.equal(options.errors.behaviorOnError, 'log');
    assert.equal(options.reporter.errorTopic, undefined);
    assert.deepEqual(options.reporter.connection.bootstrapServers, ['r:9092']);
    assert.equal(options.reporter.connection.saslUsername, 'alice');
    assert.equal(options.shutdownTimeoutMs, 1000);
    assert.equal(options.maskedProperties['sasl.jaas.config'], '[hidden]');
    assert.equal(options.maskedProperties['aws.secret.access.key'], '[hidden]');
  });

  it('names typed paths in problems', () => {
    try {
      optionsFromModuleOptions({
        name: 'orders-sink',
        kafka: { bootstrapServers: ['localhost:9092'] },
        lambda: {
          functionName: 'process-orders',
          batchSize: 0,
          credentials: { secretAccessKey: 'secret-key' },
        },
      });
      assert.fail('expected a ConfigValidationError');
    } catch (error) {
      assert.ok(error instanceof ConfigValidationError);
      assert.deepEqual(
        error.problems.map((p) => [p.property, p.value]),
        [
          ['topics', undefined],
          ['lambda.batchSize', '"0"'],
          ['lambda.credentials.accessKeyId', undefined],
        ],
      );
      assert.ok(!error.message.includes('secret-key'));
    }
  });
});
