import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from './service-node-flags';

const root = join(__dirname, '..', '..', '..', '..');
const flags = SERVICE_NODE_FLAGS.join(' ');

describe('the service Node flags', () => {
  it('are the ones npm start and npm run bench pass', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    // npm start's launcher reads this list from the build instead of spelling it out.
    assert.equal(scripts.start, 'exec node scripts/start.mjs');
    const launcher = readFileSync(join(root, 'scripts', 'start.mjs'), 'utf8');
    assert.ok(launcher.includes('service-node-flags.js'), 'scripts/start.mjs reads the list');
    assert.ok(launcher.includes('[...SERVICE_NODE_FLAGS, main'), 'and starts the service with it');
    assert.ok(scripts.bench.includes(`node ${flags} dist/bench/main.js`), scripts.bench);
  });

  it('are the ones the container image starts the service with', () => {
    const dockerfile = readFileSync(join(root, 'docs', 'deploy', 'Dockerfile'), 'utf8');
    const entrypoint = ['node', ...SERVICE_NODE_FLAGS, 'dist/apps/lambda-sink/src/main.js'];
    assert.ok(
      dockerfile.includes(`ENTRYPOINT ${JSON.stringify(entrypoint).replaceAll(',', ', ')}`),
      'Dockerfile ENTRYPOINT',
    );
  });
});
