/** `aws.lambda.max.record.age.ms` when no limit is set. */
export const UNLIMITED_RECORD_AGE = -1;

/**
 * Splits records about to be invoked into those still young enough and those older than
 * `maxAgeMs` by their Kafka timestamp (CreateTime or LogAppendTime, whichever the topic keeps),
 * keeping offset order in both. AWS's trigger measures its maximum record age the same way.
 */
export function splitByAge<T extends { timestamp: number }>(
  records: readonly T[],
  maxAgeMs: number,
  now: number,
): { fresh: T[]; expired: T[] } {
  if (maxAgeMs === UNLIMITED_RECORD_AGE) return { fresh: [...records], expired: [] };
  const fresh: T[] = [];
  const expired: T[] = [];
  for (const record of records) (now - record.timestamp > maxAgeMs ? expired : fresh).push(record);
  return { fresh, expired };
}
