import type { Ordering } from '../config/lambda-sink-options';

/**
 * Which records of an invocation go round again when the function reported `failed` among
 * them, so that a retry never lets a record overtake an earlier one it must follow:
 * - `partition`: the lowest failed record and every record after it. AWS documents this for
 *   its stream sources (the lowest reported record is the checkpoint, and everything from it is
 *   retried); records after it that succeeded are invoked again (at-least-once).
 * - `key`: each failed record and every later record of the same key.
 * - `none`: the failed records only.
 * `records` are in offset order; the result keeps that order.
 */
export function recordsToRetry<T extends { offset: number }>(
  records: readonly T[],
  failed: readonly T[],
  ordering: Ordering,
  keyOf: (record: T) => string,
): T[] {
  const failedSet = new Set(failed);
  switch (ordering) {
    case 'none':
      return records.filter((r) => failedSet.has(r));
    case 'partition': {
      const lowest = Math.min(...failed.map((r) => r.offset));
      return records.filter((r) => r.offset >= lowest);
    }
    case 'key': {
      const blockedKeys = new Set<string>();
      return records.filter((r) => {
        const key = keyOf(r);
        if (failedSet.has(r)) blockedKeys.add(key);
        return blockedKeys.has(key);
      });
    }
  }
}
