import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { SERVICE_NODE_FLAGS } from '../../apps/lambda-sink/src/service-node-flags';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, repoRoot, sinkProperties, startLambda } from '../support/sink';
import { serviceMain, writePropertiesFile } from '../support/sink-process';
import { avroBytes, registryUrl } from '../support/schema-registry';
import {
  plainJaasConfig,
  saslBootstrapServers,
  SINK_PASSWORD,
  SINK_USER,
} from '../production/kafka-security';

const T = 'org.apache.kafka.connect.transforms.';
const AVRO = 'io.confluent.connect.avro.AvroConverter';

const order = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'card', type: 'string' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

describe('a whole Connect deployment copied as it is', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('worker + connector files with converters, transforms, config providers and SASL: the function gets what the Java connector would send', async () => {
    const topic = await createTopic(uniqueName('deploy'));
    const key = await avroBytes(topic, '"string"', 'order-1', 'key');
    const value = await avroBytes(topic, order, {
      id: 1,
      card: '4111-1111',
      amount: Buffer.from([0x30, 0x39]),
      note: { string: 'gift' },
    });
    const skipped = await avroBytes(topic, order, {
      id: 2,
      card: '5500',
      amount: Buffer.from([1]),
      note: null,
    });
    await produce(topic, [
      { key, value, headers: { source: 'web' }, timestamp: '1700000000000' },
      { key, value: skipped, headers: { test: 'yes' }, timestamp: '1700000000001' },
    ]);
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async () => 'ok');

    // Secrets in a file and the registry URL in the environment, as config providers read them.
    const secrets = join(mkdtempSync(join(tmpdir(), 'sink-secrets-')), 'secrets.properties');
    writeFileSync(secrets, `kafka.password=${SINK_PASSWORD}\n`);
    const workerFile = writePropertiesFile({
      'bootstrap.servers': saslBootstrapServers,
      'key.converter': AVRO,
      'key.converter.schema.registry.url': '${env:SR_URL}',
      'value.converter': AVRO,
      'value.converter.schema.registry.url': '${env:SR_URL}',
      'consumer.security.protocol': 'SASL_PLAINTEXT',
      'consumer.sasl.mechanism': 'PLAIN',
      'consumer.sasl.jaas.config': plainJaasConfig(SINK_USER, `\${file:${secrets}:kafka.password}`),
      'config.providers': 'file,env',
      'config.providers.file.class': 'org.apache.kafka.common.config.provider.FileConfigProvider',
      'config.providers.env.class': 'org.apache.kafka.common.config.provider.EnvVarConfigProvider',
      'group.id': 'connect-cluster',
      'offset.storage.file.filename': '/tmp/connect.offsets',
      'plugin.path': '/usr/share/java',
    });

    const { 'bootstrap.servers': _servers, ...connector } = sinkProperties(lambda, {
      'connector.class': 'io.confluent.connect.aws.lambda.AwsLambdaSinkConnector',
      'tasks.max': '1',
      topics: topic,
      'aws.lambda.function.name': fn,
      'aws.lambda.batch.size': '50',
      'behavior.on.error': 'log',
      listeners: 'http://127.0.0.1:0',
      'reporter.error.topic.name': '${connector}-errors',
      transforms: 'dropTests,mask,source',
      'transforms.dropTests.type': `${T}Filter`,
      'transforms.dropTests.predicate': 'isTest',
      'transforms.mask.type': `${T}MaskField$Value`,
      'transforms.mask.fields': 'card',
      'transforms.source.type': `${T}InsertField$Value`,
      'transforms.source.topic.field': 'kafka_topic',
      predicates: 'isTest',
      'predicates.isTest.type': `${T}predicates.HasHeaderKey`,
      'predicates.isTest.name': 'test',
      'confluent.topic.bootstrap.servers': saslBootstrapServers,
      'confluent.topic.replication.factor': '1',
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
      {
        cwd: repoRoot,
        // Debug lines (kafkajs fetches, registry lookups) so that a failure here shows where the
        // first invocation was waiting (CI once saw none within 30 s, with no warning logged).
        env: { ...process.env, SR_URL: registryUrl, LOG_LEVEL: 'debug' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      assert.ok(await eventually(() => recordInvocations(lambda, fn).length >= 1), output);
      const events = recordInvocations(lambda, fn).flatMap((i) => i.event as unknown[]);
      assert.deepEqual(events, [
        {
          payload: {
            topic,
            partition: 0,
            offset: 0,
            key: 'order-1',
            value: { id: 1, card: '', amount: 'MDk=', note: 'gift', kafka_topic: topic },
            headers: [{ source: 'web' }],
            timestamp: 1_700_000_000_000,
          },
        },
      ]);
      assert.match(output, new RegExp(`key converter ${AVRO} \\(from the worker file\\)`));
      assert.doesNotMatch(output, new RegExp(SINK_PASSWORD));
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
