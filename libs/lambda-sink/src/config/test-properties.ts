import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The smallest valid configuration: what has no default. */
export function minimalProperties(extra: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'orders-sink',
    topics: 'orders',
    'aws.lambda.function.name': 'process-orders',
    'bootstrap.servers': 'localhost:9092',
    ...extra,
  };
}

/** Writes files into a fresh temporary directory and returns their paths. */
export function writeTempFiles<T extends Record<string, string>>(
  files: T,
): Record<keyof T, string> {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-sink-config-'));
  const paths = {} as Record<keyof T, string>;
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    paths[name as keyof T] = path;
  }
  return paths;
}
