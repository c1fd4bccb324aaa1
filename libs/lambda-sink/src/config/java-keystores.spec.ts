import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { buildKafkaConfig } from './kafka-client-config';
import { minimalProperties, writeTempFiles } from './test-properties';

const files = writeTempFiles({
  'truststore.jks': 'JKS',
  'truststore.pem': 'CA-PEM',
  'keystore.p12': 'P12-BYTES',
  'keystore.pem': 'KEY-AND-CERT-PEM',
  'ca.pem': 'OTHER-CA',
});

/** `property: message` of every problem these properties have. */
function problems(properties: Record<string, string>): string[] {
  try {
    optionsFromConnectProperties(minimalProperties(properties));
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error.problems.map((p) => `${p.property}: ${p.message}`);
  }
  return [];
}

/** The kafkajs `ssl` option the consumer gets from these properties. */
function consumerTls(properties: Record<string, string>) {
  const options = optionsFromConnectProperties(minimalProperties(properties));
  return buildKafkaConfig(options.kafka).ssl;
}

describe('Java keystore properties (ssl.truststore.*, ssl.keystore.*)', () => {
  it('refuse a JKS or PKCS12 truststore at startup, saying how to convert it', () => {
    const jks = problems({
      'security.protocol': 'SSL',
      'ssl.truststore.location': files['truststore.jks'],
      'ssl.truststore.password': 'store-pass-77',
    });
    assert.equal(jks.length, 1);
    assert.match(
      jks[0],
      /^ssl\.truststore\.location: is a JKS truststore \(ssl\.truststore\.type\)/,
    );
    assert.match(jks[0], /keytool -exportcert -rfc/);
    assert.ok(!jks.join().includes('store-pass-77'));
    const p12 = problems({
      'security.protocol': 'SSL',
      'ssl.truststore.location': files['truststore.jks'],
      'ssl.truststore.type': 'PKCS12',
    });
    assert.match(p12[0], /is a PKCS12 truststore/);
  });

  it('refuse a JKS keystore, and a keystore next to ssl.certificate.location', () => {
    assert.match(
      problems({ 'security.protocol': 'SSL', 'ssl.keystore.location': files['keystore.p12'] })[0],
      /^ssl\.keystore\.location: is a JKS keystore .*-deststoretype PKCS12/,
    );
    assert.deepEqual(
      problems({
        'security.protocol': 'SSL',
        'ssl.keystore.location': files['keystore.pem'],
        'ssl.keystore.type': 'PEM',
        'ssl.certificate.location': files['keystore.pem'],
        'ssl.key.location': files['keystore.pem'],
      }),
      ['ssl.keystore.location: set either this or ssl.certificate.location, not both'],
    );
  });

  it('read a PEM truststore as the CA file, and refuse it next to ssl.ca.location', () => {
    const pem = {
      'security.protocol': 'SSL',
      'ssl.truststore.location': files['truststore.pem'],
      'ssl.truststore.type': 'pem',
    };
    assert.deepEqual(consumerTls(pem), { ca: ['CA-PEM'] });
    assert.deepEqual(problems({ ...pem, 'ssl.ca.location': files['ca.pem'] }), [
      'ssl.truststore.location: set either this or ssl.ca.location, not both',
    ]);
  });

  it('hand a PKCS12 keystore to TLS as pfx with its password, and a PEM keystore as key and cert', () => {
    const p12 = consumerTls({
      'security.protocol': 'SSL',
      'ssl.keystore.location': files['keystore.p12'],
      'ssl.keystore.type': 'PKCS12',
      'ssl.keystore.password': 'p12-pass',
    });
    assert.ok(p12 !== true && p12 !== undefined);
    assert.equal(String(p12.pfx), 'P12-BYTES');
    assert.equal(p12.passphrase, 'p12-pass');
    assert.deepEqual(
      consumerTls({
        'security.protocol': 'SASL_SSL',
        'sasl.mechanism': 'PLAIN',
        'sasl.jaas.config':
          'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";',
        'ssl.keystore.location': files['keystore.pem'],
        'ssl.keystore.type': 'PEM',
      }),
      { cert: 'KEY-AND-CERT-PEM', key: 'KEY-AND-CERT-PEM' },
    );
  });

  it('turn host name verification off only for an empty ssl.endpoint.identification.algorithm', () => {
    assert.equal(consumerTls({ 'security.protocol': 'SSL' }), true);
    assert.equal(
      consumerTls({ 'security.protocol': 'SSL', 'ssl.endpoint.identification.algorithm': 'https' }),
      true,
    );
    const off = consumerTls({
      'security.protocol': 'SSL',
      'ssl.endpoint.identification.algorithm': '',
    });
    assert.ok(off !== true && off !== undefined);
    assert.equal(off.checkServerIdentity?.('wrong.example', {} as never), undefined);
  });

  it('let the reporter inherit them, as every security setting', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'security.protocol': 'SSL',
        'ssl.truststore.location': files['truststore.pem'],
        'ssl.truststore.type': 'PEM',
      }),
    );
    assert.deepEqual(buildKafkaConfig(options.reporter.connection).ssl, { ca: ['CA-PEM'] });
  });
});
