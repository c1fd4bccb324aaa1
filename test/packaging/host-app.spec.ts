import { before, after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import {
  bootstrapServers,
  committedOffsets,
  createTopic,
  eventually,
  produce,
  uniqueName,
} from '../support/kafka';
import { invokedRecordCount, startLambda } from '../support/sink';
import { installHost, packLibrary, type HostVariant } from './host-app-install';

// The library as a Nest developer gets it: `npm pack`ed, installed from the tarball into
// examples/nest-host-app (an ES-module app with its own routes, ConfigModule and shutdown
// hooks), built, and run as its own process against the broker and the Lambda endpoint.
const variants: HostVariant[] = [
  { name: 'nest12' },
  {
    name: 'nest11',
    dependencies: {
      '@nestjs/common': '11.2.10',
      '@nestjs/core': '11.2.10',
      '@nestjs/platform-express': '11.2.10',
      '@nestjs/microservices': '11.2.6',
      '@nestjs/terminus': '11.1.1',
      '@nestjs/config': '4.0.4',
    },
  },
];

interface RunningHost {
  process: ChildProcess;
  url: string;
  output: () => string;
}

async function startHost(dir: string, env: Record<string, string>): Promise<RunningHost> {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const started = await eventually(() => /listening on (http:\S+)/.test(output), 20_000);
  assert.ok(started, `the host app did not start:\n${output}`);
  const url = /listening on (http:\S+)/.exec(output)![1];
  return { process: child, url, output: () => output };
}

describe('the packed module in a Nest host app', () => {
  let lambda: LambdaLocal;
  let tarball: string;
  const packDir = join(tmpdir(), `lambda-sink-pack-${process.pid}`);
  const hosts: ChildProcess[] = [];
  before(async () => {
    lambda = await startLambda();
    // CI packs the library once (`npm run pack:lib`) and tests that very file.
    tarball = process.env.PACKED_MODULE_TARBALL ?? packLibrary(packDir);
  });
  after(async () => {
    for (const host of hosts) if (host.exitCode === null) host.kill('SIGKILL');
    await lambda.close();
    rmSync(packDir, { recursive: true, force: true });
  });

  for (const variant of variants) {
    it(`${variant.name}: invokes, commits, serves its own routes, and drains on SIGTERM`, async () => {
      const dir = installHost(variant, tarball);
      const topic = await createTopic(uniqueName(`host-${variant.name}`));
      const fn = uniqueName('fn');
      let slowCallStarted = false;
      lambda.registerFunction(fn, async (event: unknown) => {
        // The last batch is slow, so SIGTERM arrives while it is in flight.
        if (
          (event as Array<{ payload: { value: string } }>).some((r) => r.payload.value === 'slow')
        ) {
          slowCallStarted = true;
          await new Promise((resolve) => setTimeout(resolve, 1500));
        }
        return 'ok';
      });
      const name = uniqueName('host-sink');
      const host = await startHost(dir, {
        SINK_NAME: name,
        SINK_TOPICS: topic,
        KAFKA_BOOTSTRAP_SERVERS: bootstrapServers,
        LAMBDA_FUNCTION_NAME: fn,
        LAMBDA_ENDPOINT: lambda.url,
        AWS_ACCESS_KEY_ID: 'test-key-id',
        AWS_SECRET_ACCESS_KEY: 'test-secret-key',
        SINK_REPLICATION: '1',
        SINK_SHUTDOWN_TIMEOUT_MS: '10000',
      });
      hosts.push(host.process);
      const { url } = host;

      // The host's own routes answer whatever the sink is doing.
      assert.deepEqual(await (await fetch(`${url}/orders`)).json(), {
        topics: [topic],
        function: fn,
      });
      assert.ok(
        await eventually(
          async () => (await fetch(`${url}/sink/health/ready`)).status === 200,
          20_000,
        ),
        `the sink never became ready:\n${host.output()}`,
      );
      assert.equal((await fetch(`${url}/healthz`)).status, 200);

      await produce(topic, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
      assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 3, 20_000));
      const group = `connect-${name}`;
      assert.ok(
        await eventually(async () => (await committedOffsets(group, topic)).get(0) === 3, 20_000),
      );
      const metrics = await (await fetch(`${url}/metrics`)).text();
      assert.match(metrics, /^host_orders_requests_total 1$/m);
      assert.match(
        metrics,
        new RegExp(
          `^lambda_sink_records_consumed_total\\{topic="${topic}",partition="0"\\} 3$`,
          'm',
        ),
      );

      await produce(topic, [{ value: 'slow' }]);
      assert.ok(await eventually(() => slowCallStarted, 20_000));
      host.process.kill('SIGTERM');
      const [code] = (await once(host.process, 'exit')) as [number | null];
      assert.equal(code, 0, host.output());
      assert.equal(
        (await committedOffsets(group, topic)).get(0),
        4,
        'the in-flight batch was committed',
      );
      assert.match(host.output(), /stopped/);
      assert.doesNotMatch(host.output(), /test-secret-key/);
    });
  }
});
