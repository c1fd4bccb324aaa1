import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { startLambdaLocal } from '../../libs/lambda-local/src';
import { LambdaSinkModule } from '../../libs/lambda-sink/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { exampleFunctions, invokedRecordCount } from '../support/sink';

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Readiness {
  status: string;
  details?: Record<string, { starting?: { attempts: number; lastError?: string } }>;
  error?: Record<string, { starting?: { attempts: number; lastError?: string } }>;
}

async function readiness(url: string): Promise<{ code: number; body: Readiness }> {
  const response = await fetch(`${url}/health/ready`);
  return { code: response.status, body: (await response.json()) as Readiness };
}

async function listen(properties: Record<string, string>): Promise<INestApplication> {
  @Module({
    imports: [
      LambdaSinkModule.forRootAsync({
        useFactory: () => ({ properties, autoStart: 'background' as const }),
      }),
    ],
  })
  class HostModule {}
  const app = await NestFactory.create(HostModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

describe("autoStart: 'background'", () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('boots the host without Kafka, reports not ready with the reason, and closes promptly', async () => {
    const lambda = await startLambdaLocal({ functionsDir: exampleFunctions });
    cleanup.push(() => lambda.close());
    const began = Date.now();
    const app = await listen({
      name: uniqueName('bg-sink'),
      topics: 'orders',
      'bootstrap.servers': `127.0.0.1:${await freePort()}`,
      'aws.lambda.function.name': 'success',
      'aws.lambda.endpoint': lambda.url,
      'aws.lambda.region': 'us-east-1',
      'aws.access.key.id': 'test-key-id',
      'aws.secret.access.key': 'test-secret-key',
      'shutdown.timeout.ms': '2000',
    });
    assert.ok(Date.now() - began < 3000, 'bootstrap did not wait for Kafka');
    const url = await app.getUrl();
    assert.equal((await fetch(`${url}/health/live`)).status, 200);
    let last: { code: number; body: Readiness } | undefined;
    assert.ok(
      await eventually(async () => {
        last = await readiness(url);
        return last.body.error?.['lambda-sink']?.starting?.lastError !== undefined;
      }, 30_000),
      `readiness never named the start error: ${JSON.stringify(last)}`,
    );
    assert.equal(last?.code, 503);
    assert.doesNotMatch(JSON.stringify(last?.body), /test-secret-key/);
    const closing = Date.now();
    await app.close();
    assert.ok(Date.now() - closing < 10_000, 'close waited for the failing start');
  });

  it('keeps trying while the Lambda endpoint is down, then runs once it is up', async () => {
    const topic = await createTopic(uniqueName('bg'));
    const port = await freePort();
    const app = await listen({
      name: uniqueName('bg-sink'),
      topics: topic,
      'bootstrap.servers': process.env.KAFKA_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092',
      'aws.lambda.function.name': 'success',
      'aws.lambda.endpoint': `http://127.0.0.1:${port}`,
      'aws.lambda.region': 'us-east-1',
      'aws.access.key.id': 'test-key-id',
      'aws.secret.access.key': 'test-secret-key',
      'aws.lambda.retry.backoff.ms': '20',
      'aws.lambda.retry.backoff.max.ms': '100',
      'reporter.result.topic.replication.factor': '1',
      'reporter.error.topic.replication.factor': '1',
      'shutdown.timeout.ms': '5000',
    });
    cleanup.push(() => app.close());
    const url = await app.getUrl();
    assert.ok(
      await eventually(async () => (await readiness(url)).body.error !== undefined, 10_000),
    );
    assert.equal((await readiness(url)).code, 503);

    const lambda = await startLambdaLocal({ functionsDir: exampleFunctions, port });
    cleanup.push(() => lambda.close());
    await produce(topic, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    assert.ok(await eventually(() => invokedRecordCount(lambda, 'success') >= 3, 30_000));
    assert.ok(await eventually(async () => (await readiness(url)).code === 200, 10_000));
  });
});
