/** What the sink needs of a record to name it in a partial batch response. */
export interface RecordCoordinates {
  topic: string;
  partition: number;
  offset: number;
}

/**
 * What a function's answer says under `aws.lambda.response.partial.batch=true`:
 * - `all-succeeded`: no failures listed (an empty or null `batchItemFailures`, an empty or null
 *   response, or an object without the key — what AWS documents as a complete success);
 * - `failed`: the listed records, in batch order, each once;
 * - `malformed`: a function-level error, never a silent success — the reason names the problem.
 */
export type BatchItemFailures<T> =
  | { kind: 'all-succeeded' }
  | { kind: 'failed'; records: T[] }
  | { kind: 'malformed'; reason: string };

/**
 * The identifier this sink documents for a record: `topic-partition@offset`, as its log lines
 * and error messages name records (any format).
 */
export function itemIdentifierOf(record: RecordCoordinates): string {
  return `${record.topic}-${record.partition}@${record.offset}`;
}

/**
 * Every spelling a record may be reported under, each mapped to the record:
 * - `topic-partition@offset`: this sink's own (see itemIdentifierOf);
 * - `{"partition": "topic-partition", "offset": N}`: AWS's Kafka identifier, an object (what
 *   Powertools' Kafka batch processor returns); the offset may be a number or a decimal string;
 * - `topic-partition-offset`: the string middy's batch-response middleware writes for Kafka.
 * Identifiers are matched against the batch's own records rather than parsed, so a topic name
 * with dashes or `@` in it cannot be misread.
 */
function identifierIndex<T extends RecordCoordinates>(records: readonly T[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const record of records) {
    index.set(itemIdentifierOf(record), record);
    index.set(`${record.topic}-${record.partition}-${record.offset}`, record);
    index.set(objectKey(`${record.topic}-${record.partition}`, String(record.offset)), record);
  }
  return index;
}

const objectKey = (partition: string, offset: string) => `\u0000${partition}\u0000${offset}`;

/** The key an identifier is looked up under, or a reason it cannot name any record. */
function lookupKey(identifier: unknown): string | { problem: string } {
  if (typeof identifier === 'string') {
    return identifier === '' ? { problem: 'an empty itemIdentifier' } : identifier;
  }
  if (identifier === null || identifier === undefined) return { problem: 'a null itemIdentifier' };
  if (typeof identifier !== 'object' || Array.isArray(identifier)) {
    return { problem: `an itemIdentifier of type ${describeType(identifier)}` };
  }
  const { partition, offset } = identifier as Record<string, unknown>;
  const offsetText =
    typeof offset === 'number' && Number.isSafeInteger(offset)
      ? String(offset)
      : typeof offset === 'string' && /^\d+$/.test(offset)
        ? offset
        : undefined;
  if (typeof partition !== 'string' || offsetText === undefined) {
    return {
      problem:
        'an itemIdentifier object without a string "partition" (topic-partition) and an ' +
        'integer "offset"',
    };
  }
  return objectKey(partition, String(Number(offsetText)));
}

/**
 * Reads a function's partial batch response against the records it was invoked with. Pure: the
 * caller decides what failed records and malformed answers lead to.
 */
export function readBatchItemFailures<T extends RecordCoordinates>(
  body: string | undefined,
  records: readonly T[],
): BatchItemFailures<T> {
  if (body === undefined || body.trim() === '') return { kind: 'all-succeeded' };
  let response: unknown;
  try {
    response = JSON.parse(body);
  } catch {
    return { kind: 'malformed', reason: 'the response is not JSON' };
  }
  if (response === null) return { kind: 'all-succeeded' };
  if (typeof response !== 'object' || Array.isArray(response)) {
    return {
      kind: 'malformed',
      reason: `the response is ${describeType(response)}, not an object with "batchItemFailures"`,
    };
  }
  const list = (response as Record<string, unknown>).batchItemFailures;
  if (list === undefined || list === null) return { kind: 'all-succeeded' };
  if (!Array.isArray(list)) {
    return {
      kind: 'malformed',
      reason: `"batchItemFailures" is ${describeType(list)}, not a list`,
    };
  }
  const index = identifierIndex(records);
  const failed = new Set<T>();
  for (const [position, entry] of list.entries()) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      return {
        kind: 'malformed',
        reason: `batchItemFailures[${position}] is ${describeType(entry)}, not {"itemIdentifier": …}`,
      };
    }
    if (!('itemIdentifier' in entry)) {
      return {
        kind: 'malformed',
        reason: `batchItemFailures[${position}] has no "itemIdentifier"`,
      };
    }
    const key = lookupKey((entry as { itemIdentifier: unknown }).itemIdentifier);
    if (typeof key !== 'string') {
      return { kind: 'malformed', reason: `batchItemFailures[${position}] has ${key.problem}` };
    }
    const record = index.get(key);
    if (!record) {
      return {
        kind: 'malformed',
        reason:
          `batchItemFailures[${position}] names ${shown(entry)}, which is not a record of this ` +
          `batch (expected e.g. "${records[0] ? itemIdentifierOf(records[0]) : 'topic-0@0'}")`,
      };
    }
    failed.add(record);
  }
  if (failed.size === 0) return { kind: 'all-succeeded' };
  return { kind: 'failed', records: records.filter((r) => failed.has(r)) };
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** The entry as the function wrote it, short enough for a log line. */
function shown(entry: object): string {
  const text = JSON.stringify((entry as { itemIdentifier: unknown }).itemIdentifier);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
