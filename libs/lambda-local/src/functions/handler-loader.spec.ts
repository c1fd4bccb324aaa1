import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HandlerLoadError } from '../lambda-local.errors';
import { loadHandlers } from './handler-loader';

describe('loadHandlers', () => {
  let dir: string;
  const folder = async (files: Record<string, string>) => {
    const path = await mkdtemp(join(dir, 'fns-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(path, name), text);
    return path;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lambda-local-'));
  });

  after(() => rm(dir, { recursive: true, force: true }));

  it('loads CommonJS and ES modules (top-level await included) with their config', async () => {
    const path = await folder({
      'cjs.cjs': 'exports.handler = (e) => e; exports.config = { versions: ["1"] };',
      'esm.mjs': 'const n = await Promise.resolve(2); export const handler = async () => n;',
      'notes.txt': 'not a module',
    });
    const loaded = await loadHandlers(path);
    assert.deepEqual(
      loaded.map((h) => [h.name, typeof h.handler, h.config]),
      [
        ['cjs', 'function', { versions: ['1'] }],
        ['esm', 'function', undefined],
      ],
    );
    assert.equal(await loaded[1].handler(undefined, undefined as never, () => undefined), 2);
  });

  it('reports every bad module in one error', async () => {
    const path = await folder({
      'dup.js': 'exports.handler = () => 1;',
      'dup.mjs': 'export const handler = () => 1;',
      'none.js': 'exports.other = 1;',
      'broken.js': 'exports.handler = (;',
    });
    await assert.rejects(loadHandlers(path), (error: HandlerLoadError) => {
      assert.equal(error.code, 'LAMBDA_LOCAL_HANDLER_LOAD_FAILED');
      assert.equal(error.problems.length, 3);
      assert.match(error.problems.join('\n'), /dup.*dup\.js, dup\.mjs/);
      assert.match(error.problems.join('\n'), /none\.js exports no function named 'handler'/);
      assert.match(error.problems.join('\n'), /broken\.js failed to load/);
      return true;
    });
  });

  it('reports a missing folder as a HandlerLoadError', async () => {
    await assert.rejects(loadHandlers(join(dir, 'missing')), HandlerLoadError);
  });
});
