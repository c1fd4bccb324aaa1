import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HandlerLoadError } from '../lambda-local.errors';
import { localMessages } from '../lambda-local.messages';
import type { LocalFunctionConfig } from './function-registry';
import type { LambdaHandler } from './lambda-handler.types';

const MODULE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);

/** A handler module found in a functions folder. */
export interface LoadedHandler {
  name: string;
  file: string;
  handler: LambdaHandler;
  /** The module's optional `config` export (versions, aliases, timeout…). */
  config?: LocalFunctionConfig;
}

/**
 * A real dynamic `import()`. TypeScript compiling to CommonJS rewrites `import()` into
 * `require()`, which cannot load `.mjs` files that use top-level await; building the call
 * at run time keeps Node's own ESM loader, which loads CommonJS and ES modules alike.
 */
const importModule = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<Record<string, unknown>>;

/**
 * Loads every `.js`/`.cjs`/`.mjs` file of `dir` as a function named by its base name.
 * Fails with one HandlerLoadError listing every bad file, so a broken folder is fixed in
 * one pass instead of one file per restart.
 */
export async function loadHandlers(dir: string): Promise<LoadedHandler[]> {
  const root = resolve(dir);
  const entries = await readdir(root, { withFileTypes: true }).catch((error: Error) => {
    throw new HandlerLoadError(localMessages.handlerLoadFailed(root), [
      localMessages.unreadableDir(error.message),
    ]);
  });
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && MODULE_EXTENSIONS.has(extname(e.name)))
    .map((e) => e.name)
    .sort();

  const problems: string[] = [];
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const name = file.slice(0, -extname(file).length);
    byName.set(name, [...(byName.get(name) ?? []), file]);
  }
  for (const [name, sameName] of byName) {
    if (sameName.length > 1) problems.push(localMessages.duplicateFunction(name, sameName));
  }

  const loaded = await Promise.all(
    [...byName].map(async ([name, [file]]): Promise<LoadedHandler | undefined> => {
      const path = join(root, file);
      try {
        const mod = await importModule(pathToFileURL(path).href);
        // CommonJS modules show their exports both as named exports and under `default`.
        const fallback = (mod.default ?? {}) as Record<string, unknown>;
        const handler = mod.handler ?? fallback.handler;
        const config = (mod.config ?? fallback.config) as LocalFunctionConfig | undefined;
        if (typeof handler !== 'function') {
          problems.push(localMessages.missingHandler(file));
          return undefined;
        }
        return { name, file: path, handler: handler as LambdaHandler, config };
      } catch (error) {
        problems.push(
          localMessages.importFailed(file, error instanceof Error ? error.message : String(error)),
        );
        return undefined;
      }
    }),
  );
  if (problems.length > 0)
    throw new HandlerLoadError(localMessages.handlerLoadFailed(root), problems);
  return loaded.filter((h): h is LoadedHandler => h !== undefined);
}
