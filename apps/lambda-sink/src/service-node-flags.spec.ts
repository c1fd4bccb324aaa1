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
    assert.ok(
      scripts.start.includes(`node ${flags} dist/apps/lambda-sink/src/main.js`),
      scripts.start,
    );
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
