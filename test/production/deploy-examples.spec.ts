import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envVarName } from '../../libs/lambda-sink/src';
import { KNOWN_PROPERTY_NAMES } from '../../libs/lambda-sink/src';
import { loadLambdaSinkOptions } from '../../libs/lambda-sink/src';
import { repoRoot } from '../support/sink';

// What can be checked of docs/deploy without Docker or a cluster: that the configuration the
// examples ship is one the service accepts, and that the files agree with each other.
const deploy = join(repoRoot, 'docs', 'deploy');
const read = (file: string) => readFileSync(join(deploy, file), 'utf8');

/** The literal block under `sink.properties: |` in the ConfigMap, de-indented. */
function configMapProperties(manifest: string): string {
  const lines = manifest.split('\n');
  const start = lines.findIndex((line) => /^ {2}sink\.properties: \|$/.test(line));
  assert.ok(start >= 0, 'the ConfigMap holds sink.properties');
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line !== '' && !line.startsWith('    ')) break;
    block.push(line.slice(4));
  }
  return block.join('\n').replace(/\n*$/, '\n');
}

/** The LAMBDA_SINK_* variables a file sets (as YAML keys). */
const variablesIn = (text: string) =>
  [...text.matchAll(/^\s+(LAMBDA_SINK_[A-Z_]+):/gm)].map((m) => m[1]);

describe('the deployment examples in docs/deploy', () => {
  const manifest = read('kubernetes/lambda-sink.yaml');
  const compose = read('docker-compose.yml');

  it('ship a properties file the service accepts once the secrets come from the environment', () => {
    const options = loadLambdaSinkOptions({
      file: join(deploy, 'sink.properties'),
      env: {
        LAMBDA_SINK_AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        LAMBDA_SINK_AWS_SECRET_ACCESS_KEY: 'example-secret',
        LAMBDA_SINK_SASL_JAAS_CONFIG:
          'org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";',
      },
    });
    assert.deepEqual(options.warnings, []);
    assert.equal(options.groupId, 'connect-LambdaSinkConnector');
    assert.equal(options.listeners, 'http://0.0.0.0:8083');
  });

  it('put the same file in the Kubernetes ConfigMap', () => {
    assert.equal(configMapProperties(manifest), read('sink.properties'));
  });

  it('set only LAMBDA_SINK_* variables that name real properties', () => {
    const variables = [...variablesIn(manifest), ...variablesIn(compose)];
    assert.ok(variables.length >= 6);
    const known = new Set(KNOWN_PROPERTY_NAMES.map(envVarName));
    assert.deepEqual(
      variables.filter((variable) => !known.has(variable)),
      [],
    );
  });

  it('probe the health endpoints on the port the Dockerfile exposes', () => {
    const dockerfile = read('Dockerfile');
    assert.match(dockerfile, /^EXPOSE 8083$/m);
    assert.match(dockerfile, /HEALTHCHECK[\s\S]*http:\/\/127\.0\.0\.1:8083\/health\/live/);
    assert.match(dockerfile, /^USER node$/m);
    assert.match(manifest, /livenessProbe:\s+httpGet:\s+path: \/health\/live/);
    assert.match(manifest, /readinessProbe:\s+httpGet:\s+path: \/health\/ready/);
  });
});
