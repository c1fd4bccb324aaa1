import { SERVICE_NODE_FLAGS } from '../../apps/lambda-sink/src/service-node-flags';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './sink';

export const serviceMain = join(repoRoot, 'dist', 'apps', 'lambda-sink', 'src', 'main.js');

/** Writes a Connect-style .properties file and returns its path. */
export function writePropertiesFile(properties: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-sink-'));
  const file = join(dir, 'sink.properties');
  writeFileSync(
    file,
    Object.entries(properties)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n',
  );
  return file;
}

export interface SinkProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the standalone service (`node dist/apps/lambda-sink/src/main.js --config FILE`). */
export function spawnSink(configFile: string, env: NodeJS.ProcessEnv = {}): SinkProcess {
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, serviceMain, '--config', configFile],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  // SINK_OUTPUT_FILE keeps every spawned service's output for debugging a failed run.
  const keep = process.env.SINK_OUTPUT_FILE;
  const collect = (d: Buffer) => {
    output += d.toString();
    if (keep) appendFileSync(keep, d);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
