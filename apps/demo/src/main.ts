#!/usr/bin/env node
/**
 * `npm run demo`: the whole product on this machine, no AWS account, no Docker.
 * Starts the project's Kafka broker and Lambda endpoint, produces sample orders, runs the
 * standalone sink service (a child process, exactly as `npm start` runs it) from a Confluent-style
 * properties file, shows progress, then prints what Lambda received and what landed in the
 * result topic.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { startLambdaLocal } from '../../../libs/lambda-local/src';
import type { KafkaClientPort } from '../../../libs/lambda-sink/src';
import { KafkajsClient } from '../../../libs/lambda-sink/src';
import { SERVICE_NODE_FLAGS } from '../../lambda-sink/src/service-node-flags';
import { ensureLocalBroker, stopLocalBroker } from './local-broker';

const root = join(__dirname, '..', '..', '..', '..');
const RECORDS = 600;
const PARTITIONS = 3;
const HTTP_PORT = 8083;

async function main(): Promise<void> {
  const startedBroker = ensureLocalBroker(root, step);
  const brokers = (process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092').split(',');
  // The demo's own Kafka clients say only what goes wrong; the sink's lines come from its process.
  Logger.overrideLogger(['error', 'warn']);
  const kafka = new KafkajsClient({ clientId: 'demo', brokers });
  const lambda = await startLambdaLocal({ functionsDir: join(root, 'examples', 'functions') });
  step(`Lambda endpoint on ${lambda.url} with functions: ${lambda.functionNames().join(', ')}`);

  const suffix = Date.now().toString(36);
  const topic = `demo-orders-${suffix}`;
  const name = `demo-sink-${suffix}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics([{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }]);
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send(
    topic,
    Array.from({ length: RECORDS }, (_, i) => ({
      key: `customer-${i % 17}`,
      value: JSON.stringify({ order: i, amount: ((i * 37) % 500) + 0.99 }),
      headers: { source: 'demo' },
    })),
  );
  await producer.disconnect();
  step(`produced ${RECORDS} orders to "${topic}" (${PARTITIONS} partitions)`);

  const properties = [
    `name=${name}`,
    'connector.class=io.confluent.connect.aws.lambda.AwsLambdaSinkConnector',
    'tasks.max=1',
    `topics=${topic}`,
    'aws.lambda.function.name=success',
    'aws.lambda.invocation.type=sync',
    'aws.lambda.batch.size=50',
    'behavior.on.error=fail',
    `bootstrap.servers=${brokers.join(',')}`,
    'value.converter=org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable=false',
    `reporter.result.topic.name=${name}-success`,
    'reporter.result.topic.replication.factor=1',
    'reporter.error.topic.replication.factor=1',
    `aws.lambda.endpoint=${lambda.url}`,
    'aws.lambda.region=us-east-1',
    'aws.access.key.id=demo',
    'aws.secret.access.key=demo-secret',
    `listeners=http://127.0.0.1:${HTTP_PORT}`,
  ].join('\n');
  const configFile = join(mkdtempSync(join(tmpdir(), 'lambda-sink-demo-')), 'demo-sink.properties');
  writeFileSync(configFile, properties + '\n');
  step(
    `starting the sink: node ${SERVICE_NODE_FLAGS.join(' ')} dist/apps/lambda-sink/src/main.js --config ${configFile}`,
  );
  const sink = spawn(
    process.execPath,
    [
      ...SERVICE_NODE_FLAGS,
      join(root, 'dist', 'apps', 'lambda-sink', 'src', 'main.js'),
      '--config',
      configFile,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  let sinkErrors = '';
  sink.stderr.on('data', (d: Buffer) => (sinkErrors += d.toString()));

  const invokedRecords = () =>
    lambda
      .invocationsOf('success')
      .filter((i) => i.invocationType === 'RequestResponse')
      .reduce((n, i) => n + (i.event as unknown[]).length, 0);
  const started = Date.now();
  let shown = -1;
  while (invokedRecords() < RECORDS) {
    if (sink.exitCode !== null)
      throw new Error(`the sink exited (${sink.exitCode}):\n${sinkErrors}`);
    if (Date.now() - started > 120_000)
      throw new Error(`timed out waiting for the sink:\n${sinkErrors}`);
    if (invokedRecords() !== shown) progress((shown = invokedRecords()), RECORDS);
    await new Promise((r) => setTimeout(r, 100));
  }
  progress(RECORDS, RECORDS);
  process.stdout.write('\n');

  const invocations = lambda
    .invocationsOf('success')
    .filter((i) => i.invocationType === 'RequestResponse');
  const results = await readResults(kafka, `${name}-success`, 3);
  const status = await fetchStatus(name);

  step('summary');
  console.log(
    `  records invoked     ${invokedRecords()} of ${RECORDS} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  Lambda invocations  ${invocations.length} (mean batch ${(invokedRecords() / invocations.length).toFixed(1)} records)`,
  );
  console.log(
    `  first payload element Lambda received:\n    ${JSON.stringify((invocations[0].event as unknown[])[0])}`,
  );
  console.log(`  first records in the result topic "${name}-success":`);
  for (const r of results) console.log(`    ${r}`);
  console.log(`  GET /connectors/${name}/status →\n    ${JSON.stringify(status)}`);

  sink.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => sink.on('exit', resolve));
  step(`sink drained and exited with code ${code}`);
  await lambda.close();
  if (startedBroker) {
    stopLocalBroker(root);
  } else {
    step('the Kafka broker keeps running (npm run kafka:stop stops it)');
  }
}

async function readResults(
  kafka: KafkaClientPort,
  topic: string,
  count: number,
): Promise<string[]> {
  const consumer = kafka.groupConsumer(
    {
      groupId: `demo-reader-${Date.now()}`,
      sessionTimeoutMs: 30_000,
      rebalanceTimeoutMs: 60_000,
      heartbeatIntervalMs: 3_000,
      maxBytesPerPartition: 1_048_576,
      maxBytes: 10_485_760,
      metadataMaxAgeMs: 300_000,
      partitionsConsumedConcurrently: 1,
    },
    {},
  );
  const values: string[] = [];
  await consumer.connect();
  await consumer.subscribe([topic], true);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 15_000);
    void consumer.run(async (batch, session) => {
      for (const message of batch.messages) {
        if (values.length < count)
          values.push(`key=${message.key?.toString()} value=${message.value?.toString()}`);
        session.resolveOffset(message.offset);
      }
      if (values.length >= count) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await consumer.disconnect();
  return values;
}

async function fetchStatus(name: string): Promise<unknown> {
  try {
    const response = await fetch(`http://127.0.0.1:${HTTP_PORT}/connectors/${name}/status`);
    const body = (await response.json()) as {
      connector: unknown;
      tasks: Array<{ id: number; state: string; partitions: unknown[] }>;
    };
    return {
      connector: body.connector,
      tasks: body.tasks.map((t) => ({ id: t.id, state: t.state, partitions: t.partitions })),
    };
  } catch (error) {
    return `unavailable: ${String(error)}`;
  }
}

function step(text: string): void {
  console.log(`\n▶ ${text}`);
}

function progress(done: number, total: number): void {
  const width = 40;
  const filled = Math.round((done / total) * width);
  process.stdout.write(
    `\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} records invoked`,
  );
}

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
