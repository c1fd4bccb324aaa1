import type { ConvertedRecord } from '../conversion/kafka-record';
import { jsonNestingDepth, MAX_JSON_NESTING_DEPTH } from '../conversion/json-nesting-depth';

/**
 * How a Lambda response was mapped onto the batch (SPEC 5, Confluent's three formats):
 * - `coordinates`: an array of `{"payload": {"result", "topic", "partition", "offset"}}`
 *   covering every record exactly once, in any order;
 * - `position`: any other array of the batch's length, element i for record i;
 * - `whole-response`: anything else; every record gets the whole response.
 */
export type MatchRule = 'coordinates' | 'position' | 'whole-response';

export interface ResponseMatch {
  rule: MatchRule;
  /** One result per record, in batch order. */
  results: unknown[];
}

/** The results for a batch, one per record in batch order. */
export function matchResults(
  batch: readonly ConvertedRecord[],
  response: string | undefined,
): unknown[] {
  return matchResponse(batch, response).results;
}

/**
 * Like `matchResults`, also saying which rule applied (for metrics and tests). `only` forces a
 * rule: `whole-response` for a payload format whose responses are never per record.
 */
export function matchResponse(
  batch: readonly ConvertedRecord[],
  response: string | undefined,
  only?: 'whole-response',
): ResponseMatch {
  const parsed = parseResponse(response);
  if (only === undefined && Array.isArray(parsed) && parsed.length === batch.length) {
    const byCoordinates = matchByCoordinates(batch, parsed);
    if (byCoordinates) return { rule: 'coordinates', results: byCoordinates };
    return { rule: 'position', results: parsed };
  }
  return { rule: 'whole-response', results: new Array<unknown>(batch.length).fill(parsed) };
}

/**
 * JSON when it parses; the raw text when not; `null` for no body at all. JSON nested deeper than
 * the converters accept is kept as text too: `JSON.parse` reads any depth, but writing the
 * result records (`JSON.stringify`) overflows the stack a few thousand levels down, which
 * failed the whole batch after the function had run.
 */
function parseResponse(response: string | undefined): unknown {
  if (response === undefined || response.trim() === '') return null;
  // Every level opens with a bracket, so a shorter text cannot pass the limit: no scan needed.
  if (
    response.length > MAX_JSON_NESTING_DEPTH &&
    jsonNestingDepth(response) > MAX_JSON_NESTING_DEPTH
  )
    return response;
  try {
    return JSON.parse(response);
  } catch {
    return response;
  }
}

/** The results in batch order, or `undefined` unless the response pairs off with the batch. */
function matchByCoordinates(
  batch: readonly ConvertedRecord[],
  response: readonly unknown[],
): unknown[] | undefined {
  const indexByCoordinates = new Map<string, number>();
  for (let i = 0; i < batch.length; i++) {
    const { topic, partition, offset } = batch[i];
    indexByCoordinates.set(coordinatesKey(topic, partition, offset), i);
  }
  const results = new Array<unknown>(batch.length);
  for (const element of response) {
    const payload = coordinatePayload(element);
    if (!payload) return undefined;
    const key = coordinatesKey(payload.topic, payload.partition, payload.offset);
    const index = indexByCoordinates.get(key);
    if (index === undefined) return undefined;
    // Deleting the entry makes a second element with the same coordinates miss, so duplicates
    // (and therefore a missing record, as the lengths are equal) fall back to `position`.
    indexByCoordinates.delete(key);
    results[index] = payload.result;
  }
  return results;
}

interface CoordinatePayload {
  result: unknown;
  topic: string;
  partition: number;
  offset: number;
}

function coordinatePayload(element: unknown): CoordinatePayload | undefined {
  if (!isObject(element)) return undefined;
  const payload = element.payload;
  if (!isObject(payload) || !('result' in payload)) return undefined;
  const { topic, partition, offset } = payload;
  if (typeof topic !== 'string' || typeof partition !== 'number' || typeof offset !== 'number') {
    return undefined;
  }
  return { result: payload.result, topic, partition, offset };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function coordinatesKey(topic: string, partition: number, offset: number): string {
  // NUL cannot appear in a topic name, so the key is unambiguous.
  return `${topic}\u0000${partition}\u0000${offset}`;
}
