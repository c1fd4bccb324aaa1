import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties, writeTempFiles } from './test-properties';

const P = 'org.apache.kafka.common.config.provider.';
const JAAS = (password: string) =>
  `org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${password}";`;

const providers = {
  'config.providers': 'file,dir,env',
  'config.providers.file.class': `${P}FileConfigProvider`,
  'config.providers.dir.class': `${P}DirectoryConfigProvider`,
  'config.providers.env.class': `${P}EnvVarConfigProvider`,
};

function problemsOf(extra: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    optionsFromConnectProperties(minimalProperties(extra), { env });
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error.problems.map(
      (p) => `${p.property}${p.value ? ` = ${p.value}` : ''}: ${p.message}`,
    );
  }
  return [];
}

describe('config providers', () => {
  it('resolves ${file:…}, ${dir:…} and ${env:…} and keeps the placeholders in what is shown', () => {
    const files = writeTempFiles({
      'secrets.properties': 'kafka.password=file-secret\nregion=eu-west-1\n',
    });
    const dir = join(dirname(files['secrets.properties']), 'keys');
    mkdirSync(dir);
    writeFileSync(join(dir, 'aws-key'), 'AKIAEXAMPLE');
    const options = optionsFromConnectProperties(
      minimalProperties({
        ...providers,
        'security.protocol': 'SASL_PLAINTEXT',
        'sasl.mechanism': 'PLAIN',
        'sasl.jaas.config': JAAS(`\${file:${files['secrets.properties']}:kafka.password}`),
        'aws.lambda.region': `\${file:${files['secrets.properties']}:region}`,
        'aws.access.key.id': `\${dir:${dir}:aws-key}`,
        'aws.secret.access.key': '${env:AWS_SECRET}',
      }),
      { env: { AWS_SECRET: 'env-secret' } },
    );
    assert.equal(options.kafka.saslPassword, 'file-secret');
    assert.equal(options.lambda.region, 'eu-west-1');
    assert.equal(options.lambda.credentials.accessKeyId, 'AKIAEXAMPLE');
    assert.equal(options.lambda.credentials.secretAccessKey, 'env-secret');
    assert.equal(
      options.maskedProperties['aws.lambda.region'],
      `\${file:${files['secrets.properties']}:region}`,
    );
    assert.equal(options.maskedProperties['aws.secret.access.key'], '[hidden]');
    assert.deepEqual(options.warnings, []);
  });

  it('replaces ${connector} in the reporter topic names with the connector name', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        'reporter.result.topic.name': '${connector}-ok',
        'reporter.error.topic.name': 'errors-${connector}',
      }),
    );
    assert.equal(options.reporter.resultTopic, 'orders-sink-ok');
    assert.equal(options.reporter.errorTopic, 'errors-orders-sink');
  });

  it('reports every variable it cannot resolve, never showing a resolved value', () => {
    const files = writeTempFiles({ 'a.properties': 'batch=not-a-number\n' });
    const allowed = join(dirname(files['a.properties']), 'only-here');
    mkdirSync(allowed);
    assert.deepEqual(
      problemsOf(
        {
          ...providers,
          'config.providers': 'file,dir,env,vault,limited',
          'config.providers.vault.class': 'com.example.VaultConfigProvider',
          'config.providers.limited.class': `${P}FileConfigProvider`,
          'config.providers.limited.param.allowed.paths': allowed,
          'config.providers.env.param.allowlist.pattern': 'SINK_.*',
          'aws.lambda.batch.size': `\${file:${files['a.properties']}:batch}`,
          'aws.lambda.region': `\${file:${files['a.properties']}:nope}`,
          'aws.access.key.id': '${env:HOME}',
          'aws.secret.access.key': '${env:SINK_MISSING}',
          'client.id': `\${limited:${files['a.properties']}:batch}`,
          'group.id': '${secrets:x:y}',
        },
        { HOME: '/root' },
      ),
      [
        'config.providers.vault.class = "com.example.VaultConfigProvider": not supported: this config provider (supported: org.apache.kafka.common.config.provider.FileConfigProvider, org.apache.kafka.common.config.provider.DirectoryConfigProvider, org.apache.kafka.common.config.provider.EnvVarConfigProvider)',
        `aws.lambda.region = "\${file:${files['a.properties']}:nope}": cannot be resolved by config provider file: ${files['a.properties']} has no nope`,
        'aws.access.key.id = "${env:HOME}": cannot be resolved by config provider env: the variable does not match its allowlist.pattern',
        'aws.secret.access.key = [hidden]: cannot be resolved by config provider env: the environment has no SINK_MISSING',
        `client.id = "\${limited:${files['a.properties']}:batch}": cannot be resolved by config provider limited: the path is outside its allowed.paths`,
        'group.id = "${secrets:x:y}": uses the config provider secrets, which config.providers does not list',
        // Validated after resolution, and shown hidden: the value came from a provider.
        'aws.lambda.batch.size = [hidden]: must be an integer >= 1',
      ],
    );
  });
});
