import { spawn, type ChildProcess } from 'node:child_process';
import { SERVICE_NODE_FLAGS } from '../../apps/lambda-sink/src/service-node-flags';
import { repoRoot } from '../../test/support/sink';
import { serviceMain } from '../../test/support/sink-process';

/** One major GC as V8's --trace-gc reports it: heap before and after, in MB. */
export interface MajorGc {
  atMs: number;
  beforeMb: number;
  afterMb: number;
}

const MARK_COMPACT =
  /(\d+) ms: Mark-Compact(?: \(reduce\))? ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/;

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything it wrote that was not a GC trace line (for error messages). */
  output(): string;
  majorGcs: MajorGc[];
  exited: Promise<number | null>;
}

/**
 * The standalone service (`node dist/apps/lambda-sink/src/main.js --config FILE`, as
 * test/support/sink-process.ts starts it) with V8's `--trace-gc`, whose lines give the live
 * heap after each major GC: the figure that tells a leak from a heap V8 simply lets grow.
 */
export function spawnTracedService(configFile: string): ServiceProcess {
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, '--trace-gc', serviceMain, '--config', configFile],
    {
      cwd: repoRoot,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const majorGcs: MajorGc[] = [];
  let output = '';
  let partial = '';
  child.stdout?.on('data', (data: Buffer) => {
    const lines = (partial + data.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const gc = MARK_COMPACT.exec(line);
      if (gc)
        majorGcs.push({ atMs: Number(gc[1]), beforeMb: Number(gc[2]), afterMb: Number(gc[3]) });
      else if (!line.includes('Scavenge') && !line.includes('Mark-Compact')) output += `${line}\n`;
    }
  });
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, majorGcs, exited };
}
