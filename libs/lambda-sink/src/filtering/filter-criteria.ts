import { describeJsonSyntaxError } from '../errors/json-syntax';
import type { FieldPattern } from './filter-pattern';
import * as m from './filter.messages';
import { compilePattern } from './pattern-compiler';

export interface FilterCriteriaReading {
  /** The compiled patterns; a record is kept when any matches. Empty = no filtering. */
  patterns: FieldPattern[];
  /** Everything wrong, each naming where; nothing is compiled when this is not empty. */
  problems: string[];
}

/**
 * Reads `aws.lambda.filter.criteria` in any form AWS shows it:
 * - the `FilterCriteria` object of the API and of `aws lambda create-event-source-mapping
 *   --filter-criteria`: `{"Filters":[{"Pattern":"{\"value\":…}"}]}`;
 * - `{"FilterCriteria":{…}}`, as `get-event-source-mapping` prints it;
 * - one bare pattern, `{"value":{…}}`, as the console takes it.
 * A `Pattern` may be the JSON text AWS stores or the object itself. `{}` and `{"Filters":[]}`
 * filter nothing, as they remove an event source mapping's filters.
 */
export function readFilterCriteria(text: string): FilterCriteriaReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      patterns: [],
      problems: [m.notJson('the value', describeJsonSyntaxError(error, text))],
    };
  }
  if (!isObject(json)) return { patterns: [], problems: [m.criteriaShape()] };
  const criteria =
    isObject(json.FilterCriteria) && Object.keys(json).length === 1 ? json.FilterCriteria : json;
  if (Object.keys(criteria).length === 0) return { patterns: [], problems: [] };
  if (!('Filters' in criteria)) return collect([{ where: 'pattern', json: criteria }], []);

  const problems: string[] = [];
  if (!Array.isArray(criteria.Filters)) return { patterns: [], problems: [m.filtersNotArray()] };
  const sources: Array<{ where: string; json: unknown }> = [];
  criteria.Filters.forEach((filter: unknown, i: number) => {
    const where = `Filters[${i}]`;
    if (!isObject(filter)) return problems.push(m.filterNotObject(where));
    for (const field of Object.keys(filter)) {
      if (field !== 'Pattern') problems.push(m.filterUnknownField(where, field));
    }
    if (filter.Pattern === undefined) return problems.push(m.patternMissing(where));
    const pattern = patternJson(filter.Pattern, `${where}.Pattern`, problems);
    if (pattern !== undefined) sources.push({ where: `${where}.Pattern`, json: pattern });
  });
  return collect(sources, problems);
}

function collect(
  sources: Array<{ where: string; json: unknown }>,
  problems: string[],
): FilterCriteriaReading {
  const patterns: FieldPattern[] = [];
  for (const { where, json } of sources) {
    const compiled = compilePattern(json, where);
    problems.push(...compiled.problems);
    if (compiled.pattern) patterns.push(compiled.pattern);
  }
  return problems.length > 0 ? { patterns: [], problems } : { patterns, problems };
}

/** A Pattern as AWS stores it (JSON text) or, leniently, as the object it stands for. */
function patternJson(pattern: unknown, where: string, problems: string[]): unknown {
  if (typeof pattern !== 'string') return pattern;
  try {
    return JSON.parse(pattern);
  } catch (error) {
    problems.push(m.notJson(where, describeJsonSyntaxError(error, pattern)));
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
