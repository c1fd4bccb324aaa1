import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SERVICE_FIXED_FLAGS,
  SERVICE_HEAP_FLAGS,
  SERVICE_NODE_FLAGS,
  serviceNodeFlags,
} from './service-node-flags';

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
    assert.ok(
      launcher.includes('[...serviceNodeFlags(process.env.NODE_OPTIONS), main'),
      'and starts the service with it, NODE_OPTIONS first',
    );
    assert.ok(scripts.bench.includes(`node ${flags} dist/bench/main.js`), scripts.bench);
  });

  it('are the ones the container image starts the service with, heap flags in NODE_OPTIONS', () => {
    const dockerfile = readFileSync(join(root, 'docs', 'deploy', 'Dockerfile'), 'utf8');
    const entrypoint = ['node', ...SERVICE_FIXED_FLAGS, 'dist/apps/lambda-sink/src/main.js'];
    assert.ok(
      dockerfile.includes(`ENTRYPOINT ${JSON.stringify(entrypoint).replaceAll(',', ', ')}`),
      'Dockerfile ENTRYPOINT',
    );
    assert.ok(
      dockerfile.includes(`ENV NODE_OPTIONS="${SERVICE_HEAP_FLAGS.join(' ')}"`),
      'the heap defaults are the image’s NODE_OPTIONS, which a pod can replace',
    );
  });

  it('leave a heap flag to NODE_OPTIONS when it sets one', () => {
    assert.deepEqual(serviceNodeFlags(''), SERVICE_NODE_FLAGS);
    assert.deepEqual(serviceNodeFlags('--max-old-space-size=1024 --enable-source-maps'), [
      '--max-semi-space-size=8',
      ...SERVICE_FIXED_FLAGS,
    ]);
    assert.deepEqual(serviceNodeFlags('--max_old_space_size=900 --max-semi-space-size=16'), [
      ...SERVICE_FIXED_FLAGS,
    ]);
  });
});
