import type { FieldPattern, FilterRule, NumericBound, RuleList } from './filter-pattern';

/**
 * A field whose bytes cannot be read as UTF-8 text. AWS matches Kafka values only as UTF-8
 * strings or JSON, so no rule matches it, not even `exists`: a pattern that names such a field
 * does not match the record.
 */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/**
 * Whether `event` (a plain JSON-like object) matches the pattern, with EventBridge's semantics:
 * every field the pattern names must match; a field missing from the event matches only
 * `{"exists": false}`; where the event holds an array, any element matching is enough.
 * Pure; recursion follows the pattern's depth, never the event's.
 */
export function matchesPattern(pattern: FieldPattern, event: unknown): boolean {
  return matchesFields(pattern, event);
}

function matchesFields(pattern: FieldPattern, value: unknown): boolean {
  if (Array.isArray(value))
    return value.some((item) => !Array.isArray(item) && matchesFields(pattern, item));
  // A missing object is matched as an empty one, so its `exists: false` fields hold; a string,
  // number or unreadable value has no fields to match (AWS drops a plain-string value tested
  // against a JSON pattern).
  if (value !== undefined && !isObject(value)) return false;
  for (const [name, sub] of pattern.fields) {
    const field = value !== undefined && Object.hasOwn(value, name) ? value[name] : undefined;
    const ok = sub.kind === 'rules' ? matchesRules(sub, field) : matchesFields(sub, field);
    if (!ok) return false;
  }
  return true;
}

function matchesRules(list: RuleList, value: unknown): boolean {
  if (value === UNREADABLE) return false;
  return list.rules.some((rule) => matchesRule(rule, value));
}

function matchesRule(rule: FilterRule, value: unknown): boolean {
  if (rule.kind === 'exists')
    // Exists holds for leaf values only, as EventBridge's: an object is not a leaf.
    return rule.value ? value !== undefined && !isObject(value) : value === undefined;
  if (value === undefined) return false;
  if (Array.isArray(value))
    return value.some((item) => !Array.isArray(item) && matchesLeaf(rule, item));
  return matchesLeaf(rule, value);
}

/** One rule against one leaf value (never an array, never missing). */
function matchesLeaf(rule: Exclude<FilterRule, { kind: 'exists' }>, value: unknown): boolean {
  switch (rule.kind) {
    case 'equals':
      return value === rule.value;
    case 'prefix':
      return typeof value === 'string' && value.startsWith(rule.value);
    case 'suffix':
      return typeof value === 'string' && value.endsWith(rule.value);
    case 'equals-ignore-case':
      return typeof value === 'string' && sameIgnoringCase(value, rule.value);
    case 'anything-but':
      return (
        (typeof value === 'string' || typeof value === 'number') && !rule.values.includes(value)
      );
    case 'anything-but-prefix':
      return typeof value === 'string' && !value.startsWith(rule.value);
    case 'anything-but-suffix':
      return typeof value === 'string' && !value.endsWith(rule.value);
    case 'anything-but-ignore-case':
      return typeof value === 'string' && !sameIgnoringCase(value, rule.value);
    case 'numeric':
      return typeof value === 'number' && rule.bounds.every((b) => withinBound(value, b));
  }
}

function withinBound(value: number, bound: NumericBound): boolean {
  switch (bound.operator) {
    case '=':
      return value === bound.value;
    case '<':
      return value < bound.value;
    case '<=':
      return value <= bound.value;
    case '>':
      return value > bound.value;
    case '>=':
      return value >= bound.value;
  }
}

function sameIgnoringCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
