#!/usr/bin/env node
// `npm start -- --config FILE`: builds the service if a source changed, then becomes it.
//
// Why not `tsc && node …` in package.json: npm runs a script through `sh -c`, and that shell dies
// of the SIGTERM that Ctrl-C or an init system sends to the whole process group; npm then ends
// by the same signal (143) while the service is still draining. So the script is
// `exec node scripts/start.mjs` (the shell becomes this launcher) and the launcher becomes the
// service (execve): npm's child *is* the service, npm forwards the signal to it, waits, and
// exits with the service's own status — 0 after a drain.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const serviceArgs = process.argv.slice(2);

// `tsc -b` decides from the build info's timestamps whether anything changed (a fraction of a
// second when nothing did), where `tsc -p` type-checks the whole project again (seconds).
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const build = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

// The one list of the service's Node flags, read from the build that was just checked; heap
// flags that NODE_OPTIONS sets are left to it (the command line would override them).
const flagsModule = join(root, 'dist', 'apps', 'lambda-sink', 'src', 'service-node-flags.js');
const { serviceNodeFlags } = await import(pathToFileURL(flagsModule).href);
const main = join(root, 'dist', 'apps', 'lambda-sink', 'src', 'main.js');
const argv = [...serviceNodeFlags(process.env.NODE_OPTIONS), main, ...serviceArgs];

if (typeof process.execve === 'function') {
  // Node 22.15+ / 23.11+: same pid, so signals reach the service directly.
  process.execve(process.execPath, [process.execPath, ...argv], process.env);
}

// Older Node 22: run the service as a child, pass signals on and end the way it ended.
const service = spawn(process.execPath, argv, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  // A listener also keeps this process alive until the service has drained and exited.
  process.on(signal, () => service.kill(signal));
}
service.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
