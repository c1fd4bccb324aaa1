import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { HIDDEN } from './secret-properties';
import { minimalProperties, writeTempFiles } from './test-properties';

function problemsOf(properties: Record<string, string>) {
  try {
    optionsFromConnectProperties(properties);
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error.problems.map((p) => `${p.property}: ${p.message}`);
  }
  return [];
}

describe('rest.* and listeners.https.* properties', () => {
  it('read the auth files, the token and the HTTPS PEM files into typed options', () => {
    const files = writeTempFiles({ users: 'ops: pw\n', key: 'k', crt: 'c' });
    const options = optionsFromConnectProperties(
      minimalProperties({
        listeners: 'https://0.0.0.0:8443',
        'rest.auth.basic.users.file': files.users,
        'rest.auth.bearer.token': 'tok-secret',
        'rest.auth.metrics.required': 'true',
        'listeners.https.ssl.key.location': files.key,
        'listeners.https.ssl.certificate.location': files.crt,
        'listeners.https.ssl.key.password': 'key-secret',
      }),
    );
    assert.deepEqual(options.rest, {
      basicUsersFile: files.users,
      bearerToken: 'tok-secret',
      bearerTokenFile: undefined,
      metricsAuthRequired: true,
      https: { keyFile: files.key, certificateFile: files.crt, keyPassword: 'key-secret' },
    });
    assert.equal(options.maskedProperties['rest.auth.bearer.token'], HIDDEN);
    assert.equal(options.maskedProperties['listeners.https.ssl.key.password'], HIDDEN);
    assert.deepEqual(options.warnings, []);
  });

  it('default to no authentication, an open /metrics and plain HTTP', () => {
    const options = optionsFromConnectProperties(minimalProperties());
    assert.deepEqual(options.rest, {
      basicUsersFile: undefined,
      bearerToken: undefined,
      bearerTokenFile: undefined,
      metricsAuthRequired: false,
      https: undefined,
    });
  });

  it('accept a PEM keystore holding key and certificate, under Connect’s name', () => {
    const files = writeTempFiles({ pem: 'both' });
    const options = optionsFromConnectProperties(
      minimalProperties({
        listeners: 'https://0.0.0.0:8443',
        'listeners.https.ssl.keystore.location': files.pem,
        'listeners.https.ssl.keystore.type': 'PEM',
      }),
    );
    assert.deepEqual(options.rest.https, {
      keyFile: files.pem,
      certificateFile: undefined,
      keyPassword: undefined,
    });
  });

  it('say what an https listener lacks, refuse Java keystores and unreadable files, all at once', () => {
    const problems = problemsOf(
      minimalProperties({
        listeners: 'https://0.0.0.0:8443',
        'listeners.https.ssl.keystore.type': 'JKS',
        'rest.auth.basic.users.file': '/nonexistent/connect.password',
        'rest.auth.metrics.required': 'sometimes',
        'rest.auth.bearer.token': ' ',
      }),
    );
    assert.equal(problems.length, 6, problems.join('\n'));
    assert.ok(
      problems.some((p) =>
        /^listeners\.https\.ssl\.key\.location: is required because the first listeners URL is https/.test(
          p,
        ),
      ),
    );
    assert.ok(
      problems.some((p) => /^listeners\.https\.ssl\.certificate\.location: is required/.test(p)),
    );
    assert.ok(
      problems.some((p) =>
        /^listeners\.https\.ssl\.keystore\.type: must be PEM.*openssl pkcs12/.test(p),
      ),
    );
    assert.ok(
      problems.some((p) => /^rest\.auth\.basic\.users\.file: must name a readable file/.test(p)),
    );
    assert.ok(problems.some((p) => /^rest\.auth\.metrics\.required: /.test(p)));
    assert.ok(problems.some((p) => /^rest\.auth\.bearer\.token: must not be empty/.test(p)));
  });

  it('need the key and the certificate together', () => {
    const files = writeTempFiles({ key: 'k' });
    const problems = problemsOf(
      minimalProperties({ 'listeners.https.ssl.key.location': files.key }),
    );
    assert.deepEqual(problems, [
      'listeners.https.ssl.certificate.location: must be set together with listeners.https.ssl.key.location',
    ]);
  });
});
