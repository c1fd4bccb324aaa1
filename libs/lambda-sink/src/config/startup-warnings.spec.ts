import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties } from './test-properties';

describe('startup warnings', () => {
  it('drops the result topic in async mode and says so', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'aws.lambda.invocation.type': 'async',
        'reporter.result.topic.name': 'orders-results',
      }),
    );
    assert.equal(options.lambda.invocationType, 'async');
    assert.equal(options.reporter.resultTopic, undefined);
    assert.equal(options.reporter.errorTopic, 'orders-sink-error');
    assert.equal(options.warnings.length, 1);
    assert.match(
      options.warnings[0],
      /reporter\.result\.topic\.name \("orders-results"\) is ignored/,
    );
  });

  it('warns about unknown properties but accepts Connect-standard ones silently', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'aws.lambda.batchsize': '5',
        'errors.retry.timeout': '0',
        'header.converter': 'org.apache.kafka.connect.storage.SimpleHeaderConverter',
      }),
    );
    assert.deepEqual(options.warnings, [
      'unknown property aws.lambda.batchsize is ignored (check the spelling)',
    ]);
  });

  it('says a registry setting under a converter that reads none has no effect', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'value.converter.schema.registry.url': 'http://registry:8081',
        'value.converter.schemas.enable': 'false',
      }),
    );
    assert.deepEqual(options.warnings, [
      'value.converter.schema.registry.url is ignored: value.converter is ' +
        'org.apache.kafka.connect.storage.StringConverter',
    ]);
  });

  it('says user info is unused with the default credentials source, as in Confluent', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'value.converter': 'io.confluent.connect.avro.AvroConverter',
        'value.converter.schema.registry.url': 'http://registry:8081',
        'value.converter.basic.auth.user.info': 'user:secret-password',
      }),
    );
    assert.deepEqual(options.warnings, [
      'value.converter.basic.auth.user.info is ignored: ' +
        'value.converter.basic.auth.credentials.source is URL',
    ]);
    assert.equal(options.valueConverter.schemaRegistry?.basicAuth, undefined);
  });

  it('warns about settings without effect', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'sasl.mechanism': 'PLAIN',
        'aws.access.key.id': 'AKIAEXAMPLE',
        'aws.secret.access.key': 'secret-value',
        'aws.credentials.provider.class': 'com.amazonaws.auth.DefaultAWSCredentialsProviderChain',
        'aws.lambda.function.name': 'arn:aws:lambda:us-east-1:123456789012:function:f',
        'aws.lambda.region': 'eu-west-1',
        'errors.deadletterqueue.topic.name': 'dlq',
      }),
    );
    assert.equal(options.warnings.length, 4);
    assert.match(
      options.warnings[0],
      /^sasl\.mechanism is ignored: security\.protocol is PLAINTEXT/,
    );
    assert.match(options.warnings[1], /^aws\.credentials\.provider\.class is ignored/);
    assert.match(options.warnings[2], /us-east-1 but aws\.lambda\.region is eu-west-1/);
    assert.match(options.warnings[3], /^errors\.deadletterqueue\.topic\.name is ignored/);
    assert.ok(options.warnings.every((warning) => !warning.includes('secret-value')));
  });
});
