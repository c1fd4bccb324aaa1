#!/usr/bin/env node
// `npm run pack:lib`: packs libs/lambda-sink (@lambda-sink/nestjs) into dist/packages/ and prints
// the tarball's path, for CI and for installing the module into an app by hand
// (`npm install /path/to/lambda-sink-nestjs-<version>.tgz`). The package's prepack builds it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const destination = join(root, 'dist', 'packages');
mkdirSync(destination, { recursive: true });
const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
  cwd: join(root, 'libs', 'lambda-sink'),
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
console.log(join(destination, JSON.parse(out)[0].filename));
