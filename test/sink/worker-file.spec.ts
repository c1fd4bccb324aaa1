import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { SERVICE_NODE_FLAGS } from '../../apps/lambda-sink/src/service-node-flags';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import {
  invokedRecordCount,
  repoRoot,
  recordInvocations,
  sinkProperties,
  startLambda,
} from '../support/sink';
import { serviceMain, writePropertiesFile } from '../support/sink-process';
import {
  plainJaasConfig,
  saslBootstrapServers,
  SINK_PASSWORD,
  SINK_USER,
} from '../production/kafka-security';

describe('the service with a Connect worker file (--worker)', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('takes converters, bootstrap.servers and consumer SASL from the worker, and says which converters run', async () => {
    const topic = await createTopic(uniqueName('worker'));
    await produce(topic, [{ key: 'k', value: '{"id":1,"tags":["a"]}' }]);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async () => 'ok');
    const { 'bootstrap.servers': _servers, ...connector } = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.function.name': fn,
      listeners: 'http://127.0.0.1:0',
    });
    const workerFile = writePropertiesFile({
      'bootstrap.servers': saslBootstrapServers,
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      'security.protocol': 'SASL_PLAINTEXT',
      'consumer.security.protocol': 'SASL_PLAINTEXT',
      'consumer.sasl.mechanism': 'PLAIN',
      'consumer.sasl.jaas.config': plainJaasConfig(SINK_USER, SINK_PASSWORD),
      'group.id': 'connect-cluster',
      'offset.storage.file.filename': '/tmp/connect.offsets',
      'plugin.path': '/usr/share/java',
    });
    const child = spawn(
      process.execPath,
      [
        ...SERVICE_NODE_FLAGS,
        serviceMain,
        '--worker',
        workerFile,
        '--config',
        writePropertiesFile(connector),
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 1), output);
      const [invocation] = recordInvocations(lambda, fn);
      const [{ payload }] = invocation.event as Array<{ payload: Record<string, unknown> }>;
      assert.equal(payload.key, 'k');
      assert.deepEqual(payload.value, { id: 1, tags: ['a'] }, 'JSON from the worker converter');
      assert.match(
        output,
        /key converter org.apache.kafka.connect.storage.StringConverter \(from the worker file\); value converter org.apache.kafka.connect.json.JsonConverter \(from the worker file\)/,
      );
      assert.match(
        output,
        /worker settings security.protocol, group.id, offset.storage.file.filename, plugin.path have no effect here/,
      );
      assert.doesNotMatch(output, new RegExp(SINK_PASSWORD));
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
