import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/sink';

export const libraryDir = join(repoRoot, 'libs', 'lambda-sink');
export const exampleDir = join(repoRoot, 'examples', 'nest-host-app');

/** A Nest line the example app is installed against: the example's own (12) or overrides. */
export interface HostVariant {
  name: string;
  dependencies?: Record<string, string>;
}

function run(cmd: string, args: string[], cwd: string): string {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: process.env });
  if (result.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} in ${cwd} failed:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** `npm pack`s the library (its prepack script builds it afresh) and returns the tarball. */
export function packLibrary(destination: string): string {
  mkdirSync(destination, { recursive: true });
  const out = run('npm', ['pack', '--json', '--pack-destination', destination], libraryDir);
  const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
  return join(destination, filename);
}

/**
 * Installs the example app with the tarball into a directory of its own, outside the repo so that
 * nothing resolves to the repo's own node_modules (a peer the host forgot would otherwise be
 * found there). The directory is kept between runs: when neither the host's dependencies nor
 * the tarball changed, `npm install` finds everything in place in about a second.
 */
export function installHost(variant: HostVariant, tarball: string): string {
  const repoKey = createHash('sha256').update(repoRoot).digest('hex').slice(0, 8);
  const dir = join(tmpdir(), `lambda-sink-host-apps-${repoKey}`, variant.name);
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'src'), { recursive: true, force: true });
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  for (const file of ['src', 'tsconfig.json', '.npmrc']) {
    cpSync(join(exampleDir, file), join(dir, file), { recursive: true });
  }
  // Named by content: a changed library is a changed dependency to npm, an unchanged one is not.
  const bytes = readFileSync(tarball);
  const tarballName = `lambda-sink-nestjs-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.tgz`;
  for (const old of readdirSync(dir).filter((f) => f.endsWith('.tgz') && f !== tarballName)) {
    rmSync(join(dir, old));
  }
  writeFileSync(join(dir, tarballName), bytes);
  const pkg = JSON.parse(readFileSync(join(exampleDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  pkg.dependencies = {
    ...pkg.dependencies,
    ...variant.dependencies,
    '@lambda-sink/nestjs': `file:./${tarballName}`,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], dir);
  run(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir);
  return dir;
}
