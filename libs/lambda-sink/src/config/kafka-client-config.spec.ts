import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildKafkaConfig } from './kafka-client-config';
import type { KafkaConnectionOptions } from './lambda-sink-options';
import { writeTempFiles } from './test-properties';

const plaintext: KafkaConnectionOptions = {
  bootstrapServers: ['a:9092', 'b:9092'],
  clientId: 'lambda-sink-orders',
  securityProtocol: 'PLAINTEXT',
};

describe('buildKafkaConfig', () => {
  it('maps a plaintext connection to brokers and client id only', () => {
    assert.deepEqual(buildKafkaConfig(plaintext), {
      brokers: ['a:9092', 'b:9092'],
      clientId: 'lambda-sink-orders',
    });
  });

  it('uses TLS with the system CAs when SSL has no PEM files', () => {
    assert.equal(buildKafkaConfig({ ...plaintext, securityProtocol: 'SSL' }).ssl, true);
  });

  it('reads the PEM files for SSL', () => {
    const pem = writeTempFiles({
      'ca.pem': 'CA-PEM',
      'cert.pem': 'CERT-PEM',
      'key.pem': 'KEY-PEM',
    });
    const config = buildKafkaConfig({
      ...plaintext,
      securityProtocol: 'SSL',
      sslCaLocation: pem['ca.pem'],
      sslCertificateLocation: pem['cert.pem'],
      sslKeyLocation: pem['key.pem'],
      sslKeyPassword: 'pem-pass',
    });
    assert.deepEqual(config.ssl, {
      ca: ['CA-PEM'],
      cert: 'CERT-PEM',
      key: 'KEY-PEM',
      passphrase: 'pem-pass',
    });
    assert.equal(config.sasl, undefined);
  });

  it('maps SASL mechanisms to kafkajs names, without TLS for SASL_PLAINTEXT', () => {
    const sasl = { saslUsername: 'u', saslPassword: 'p' };
    const plain = buildKafkaConfig({
      ...plaintext,
      securityProtocol: 'SASL_PLAINTEXT',
      saslMechanism: 'PLAIN',
      ...sasl,
    });
    assert.deepEqual(plain.sasl, { mechanism: 'plain', username: 'u', password: 'p' });
    assert.equal(plain.ssl, undefined);

    const scram = buildKafkaConfig({
      ...plaintext,
      securityProtocol: 'SASL_SSL',
      saslMechanism: 'SCRAM-SHA-512',
      ...sasl,
    });
    assert.deepEqual(scram.sasl, { mechanism: 'scram-sha-512', username: 'u', password: 'p' });
    assert.equal(scram.ssl, true);
    const sha256 = buildKafkaConfig({
      ...plaintext,
      securityProtocol: 'SASL_SSL',
      saslMechanism: 'SCRAM-SHA-256',
      ...sasl,
    });
    assert.equal(sha256.sasl?.mechanism, 'scram-sha-256');
  });

  it('reads PEM files through the given reader', () => {
    const read: string[] = [];
    const config = buildKafkaConfig(
      { ...plaintext, securityProtocol: 'SSL', sslCaLocation: '/ca.pem' },
      (path) => {
        read.push(path);
        return 'PEM';
      },
    );
    assert.deepEqual(read, ['/ca.pem']);
    assert.deepEqual(config.ssl, { ca: ['PEM'] });
  });

  it('refuses SASL options that skipped validation, without showing them', () => {
    assert.throws(
      () =>
        buildKafkaConfig({
          ...plaintext,
          securityProtocol: 'SASL_SSL',
          saslPassword: 'hidden-pw',
        }),
      (error: unknown) => error instanceof TypeError && !error.message.includes('hidden-pw'),
    );
  });
});
