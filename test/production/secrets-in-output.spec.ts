import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda } from '../support/sink';
import { spawnSink, writePropertiesFile } from '../support/sink-process';
import {
  plainJaasConfig,
  saslBootstrapServers,
  saslPlainProperties,
  SINK_PASSWORD,
  SINK_USER,
} from './kafka-security';

const RECORDS = 60;

/** Node's own multi-line process warnings (the AWS SDK's Node version notice) on stderr. */
const NODE_WARNING = /\(node:\d+\) [\s\S]*?\(Use `node --trace-warnings[^\n]*\n/g;

/** pino's level names, as the service writes them. */
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

interface LogLine {
  level: string;
  time: string;
  context?: string;
  msg: string;
}

interface ServiceRun {
  name: string;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  /** The answers of the HTTP endpoints that show configuration, status and metrics. */
  bodies: string[];
  secrets: string[];
}

/**
 * The real service over 60 records: consumer and reporter log in over SASL with the broker's real
 * password, the AWS secret is a fresh random one; the HTTP endpoints are read while it runs, then
 * SIGTERM stops it.
 */
async function runService(lambda: LambdaLocal, env: NodeJS.ProcessEnv = {}): Promise<ServiceRun> {
  const awsSecret = `aws-secret-${randomUUID()}`;
  // Connect settings the sink accepts silently but must still hide: a file copied from a worker
  // carries Schema Registry credentials and the Confluent license.
  const registryUserInfo = `registry-user:${randomUUID()}`;
  const license = `license-${randomUUID()}`;
  const topic = await createTopic(uniqueName('logs'), 2);
  await produce(
    topic,
    Array.from({ length: RECORDS }, (_, i) => ({ key: `k${i}`, value: `record-value-${i}` })),
  );
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async (event) => (event as unknown[]).map(() => 'ok'));
  const properties = sinkProperties(lambda, {
    topics: topic,
    'aws.lambda.function.name': fn,
    'aws.lambda.batch.size': '5',
    'aws.secret.access.key': awsSecret,
    'value.converter.schema.registry.basic.auth.user.info': registryUserInfo,
    'confluent.license': license,
    'bootstrap.servers': saslBootstrapServers,
    ...saslPlainProperties(''),
    listeners: 'http://127.0.0.1:0',
  });
  const name = properties.name;
  const service = spawnSink(writePropertiesFile(properties), env);

  const bodies: string[] = [];
  try {
    assert.ok(
      await eventually(() => invokedRecordCount(lambda, fn) >= RECORDS, 30_000),
      service.output(),
    );
    const url = /HTTP \(health, status, metrics\) on (http:\/\/[^"\s]+)/.exec(
      service.output(),
    )?.[1];
    assert.ok(url, `the HTTP address is logged:\n${service.output()}`);
    for (const path of [
      `/connectors/${name}/config`,
      `/connectors/${name}`,
      `/connectors/${name}/status`,
      '/metrics',
      '/health/ready',
    ]) {
      const response = await fetch(url + path);
      assert.equal(response.status, 200, path);
      bodies.push(await response.text());
    }
  } finally {
    service.child.kill('SIGTERM');
  }
  assert.equal(await service.exited, 0, service.output());
  return {
    name,
    output: service.output(),
    bodies,
    secrets: [
      awsSecret,
      registryUserInfo,
      license,
      SINK_PASSWORD,
      plainJaasConfig(SINK_USER, SINK_PASSWORD),
    ],
  };
}

function assertNoSecret(run: ServiceRun): void {
  const everything = [run.output, ...run.bodies].join('\n');
  for (const secret of run.secrets) {
    assert.ok(!everything.includes(secret), `"${secret}" appears in the output or an HTTP answer`);
  }
}

describe('a full run of the service, SIGTERM included', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('writes JSON lines, one per lifecycle event, none per record, and never a secret — nor do its HTTP answers', async () => {
    const run = await runService(lambda);
    assertNoSecret(run);
    const config = JSON.parse(run.bodies[0]) as Record<string, string>;
    assert.equal(config['aws.secret.access.key'], '[hidden]');
    assert.equal(config['sasl.jaas.config'], '[hidden]');
    assert.equal(config['value.converter.schema.registry.basic.auth.user.info'], '[hidden]');
    assert.equal(config['confluent.license'], '[hidden]');
    const connector = JSON.parse(run.bodies[1]) as { config: Record<string, string> };
    assert.equal(connector.config['confluent.license'], '[hidden]');
    assert.equal(config['security.protocol'], 'SASL_PLAINTEXT', 'the rest is shown as written');

    // stdout and stderr: nothing but JSON lines in pino's shape (Node's own warnings aside).
    const lines = run.output
      .replace(NODE_WARNING, '')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const logs = lines.map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        assert.fail(`not a JSON line: ${line}`);
      }
    });
    for (const log of logs) {
      assert.ok(LEVELS.includes(log.level), `a level name: ${log.level}`);
      assert.match(log.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'an ISO time');
      assert.equal(typeof log.msg, 'string');
    }

    // One line per lifecycle event.
    const count = (pattern: RegExp) => logs.filter((log) => pattern.test(log.msg)).length;
    const { name } = run;
    assert.equal(count(new RegExp(`^starting "${name}"`)), 1, 'starting');
    assert.equal(count(/^joined group connect-/), 1, 'joined the group');
    assert.equal(count(new RegExp(`^"${name}" running$`)), 1, 'running');
    assert.equal(count(/^received SIGTERM, draining$/), 1, 'signal');
    assert.equal(count(new RegExp(`^stopping "${name}"`)), 1, 'stopping');
    assert.equal(count(new RegExp(`^"${name}" stopped$`)), 1, 'stopped');

    // Nothing per record or per batch at info: 60 records in 12+ invocations leave no trace.
    const sinkLines = logs.filter((log) => log.context?.startsWith('LambdaSink'));
    assert.ok(sinkLines.length < 15, `${sinkLines.length} lines from the sink:\n${run.output}`);
    assert.equal(count(/record-value-/), 0, 'no record value is logged');
    // The registry user info is there to prove it is masked; under StringConverter startup says
    // (by name only) that it has no effect, the one warning of an otherwise clean run.
    const unusedRegistrySetting =
      /^value\.converter\.schema\.registry\.basic\.auth\.user\.info is ignored/;
    const unexpected = logs.filter(
      (log) =>
        !['trace', 'debug', 'info'].includes(log.level) && !unusedRegistrySetting.test(log.msg),
    );
    assert.deepEqual(
      unexpected.map((log) => `${log.level} ${log.context ?? ''}: ${log.msg}`),
      [],
      'a clean run logs no warning or error',
    );
  });

  it('prints no secret at debug level either, kafkajs’ own protocol logs included', async () => {
    const run = await runService(lambda, { LOG_LEVEL: 'debug' });
    assert.match(run.output, /SASL PLAIN authentication successful/, 'kafkajs debug logs are on');
    assertNoSecret(run);
  });
});
