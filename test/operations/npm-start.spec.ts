import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, repoRoot, sinkProperties, startLambda } from '../support/sink';
import { writePropertiesFile } from '../support/sink-process';

/** True while any process of the group `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('serves, and SIGTERM to its process group drains the sink and exits 0', async () => {
    const topic = await createTopic(uniqueName('npm-start'), 2);
    await produce(
      topic,
      Array.from({ length: 20 }, (_, i) => ({ value: `v${i}`, partition: i % 2 })),
    );
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'ok'));
    const configFile = writePropertiesFile(
      sinkProperties(lambda, {
        topics: topic,
        'aws.lambda.function.name': fn,
        listeners: 'http://127.0.0.1:0',
      }),
    );

    // As a user or an init system starts it: its own process group, which Ctrl-C or a service
    // manager's stop signals as a whole (npm, the shell npm runs the script with, the service).
    const npm = spawn('npm', ['start', '--', '--config', configFile], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      npm.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const pgid = npm.pid!;

    try {
      let url = '';
      assert.ok(
        await eventually(() => {
          url = /HTTP \(health, status, metrics\) on (http:\/\/[^\s"]+)/.exec(output)?.[1] ?? '';
          return url !== '';
        }, 90_000),
        output,
      );
      url = url.replace('[::1]', '127.0.0.1');
      assert.equal((await fetch(`${url}/health/live`)).status, 200);
      assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 20), output);

      process.kill(-pgid, 'SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null }, output);
    } finally {
      if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    }
    assert.match(output, /received SIGTERM, draining/);
    assert.match(output, /stopped"/);
    // npm waited for the service: nothing of the group outlives `npm start`.
    assert.equal(groupAlive(pgid), false, 'a process of npm start outlived it');
  });
});
