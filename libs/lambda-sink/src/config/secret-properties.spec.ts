import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HIDDEN, isSecretProperty, maskProperties } from './secret-properties';

// Every property Kafka, Connect, Schema Registry and Confluent define as a PASSWORD type, plus
// this sink's own credentials, bare and under the prefixes a Connect file puts them behind.
const PASSWORD_TYPES = [
  'ssl.key.password',
  'ssl.keystore.password',
  'ssl.truststore.password',
  'ssl.keystore.key',
  'ssl.keystore.certificate.chain',
  'ssl.truststore.certificates',
  'sasl.jaas.config',
  'sasl.oauthbearer.client.credentials.client.secret',
  'sasl.oauthbearer.assertion.private.key.passphrase',
  'basic.auth.user.info',
  'schema.registry.basic.auth.user.info',
  'bearer.auth.token',
  'bearer.auth.client.secret',
  'confluent.license',
  'aws.secret.access.key',
  'aws.session.token',
];

const PREFIXES = [
  '',
  'consumer.',
  'producer.',
  'admin.',
  'consumer.override.',
  'producer.override.',
  'admin.override.',
  'reporter.',
  'reporter.producer.',
  'reporter.admin.',
  'confluent.topic.',
  'key.converter.',
  'value.converter.',
  'value.converter.schema.registry.',
  'listeners.https.',
];

// Names that carry a credential by what they end in, whoever defines them.
const SECRET_LIKE = [
  'connection.password',
  'database.passwd',
  'oauth.client.secret',
  'client.secret.value',
  'auth.token',
  'rest.api.key',
  'confluent.cloud.api.key',
  's3.access.key',
  'gcs.private.key',
  'sftp.private.key.passphrase',
  'http.user.info',
  'plugin.jaas.config',
  'gcp.credentials',
  'LAMBDA_SINK_SSL_KEY_PASSWORD',
];

const NOT_SECRET = [
  'name',
  'topics',
  'bootstrap.servers',
  'security.protocol',
  'sasl.mechanism',
  'ssl.key.location',
  'ssl.certificate.location',
  'ssl.ca.location',
  'ssl.keystore.location',
  'ssl.keystore.type',
  'ssl.truststore.location',
  'aws.access.key.id',
  'aws.credentials.provider.class',
  'aws.lambda.function.name',
  'key.converter',
  'key.converter.schemas.enable',
  'basic.auth.credentials.source',
  'confluent.topic.bootstrap.servers',
  'sasl.oauthbearer.token.endpoint.url',
  'reporter.result.topic.name',
];

describe('isSecretProperty', () => {
  for (const prefix of PREFIXES) {
    for (const name of PASSWORD_TYPES) {
      it(`hides ${prefix}${name}`, () => assert.equal(isSecretProperty(prefix + name), true));
    }
  }

  for (const name of SECRET_LIKE) {
    it(`hides ${name} by its secret-like name`, () => assert.equal(isSecretProperty(name), true));
  }

  for (const name of NOT_SECRET) {
    it(`shows ${name}`, () => assert.equal(isSecretProperty(name), false));
  }
});

describe('maskProperties', () => {
  it('replaces every secret value and keeps the rest as written', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----';
    assert.deepEqual(
      maskProperties({
        'ssl.keystore.key': pem,
        'value.converter.basic.auth.user.info': 'user:pass',
        'consumer.override.sasl.jaas.config': 'x required password="p";',
        'confluent.license': 'license-text',
        'security.protocol': 'SSL',
      }),
      {
        'ssl.keystore.key': HIDDEN,
        'value.converter.basic.auth.user.info': HIDDEN,
        'consumer.override.sasl.jaas.config': HIDDEN,
        'confluent.license': HIDDEN,
        'security.protocol': 'SSL',
      },
    );
  });
});
