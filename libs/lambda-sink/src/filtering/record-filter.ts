import type { KafkaHeaderValue, KafkaRecord } from '../conversion/kafka-record';
import { readFilterCriteria } from './filter-criteria';
import type { FieldPattern } from './filter-pattern';
import { matchesPattern, UNREADABLE } from './pattern-matcher';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `aws.lambda.filter.criteria` applied to records as consumed: a record is kept when any pattern
 * matches it (patterns are ORed, as AWS's filters). Only the parts some pattern names are
 * decoded, so a value-only filter never reads keys or headers.
 */
export class RecordFilter {
  private readonly reads: { value: boolean; key: boolean; headers: boolean };

  constructor(private readonly patterns: readonly FieldPattern[]) {
    const names = (field: string) => patterns.some((p) => p.fields.has(field));
    this.reads = { value: names('value'), key: names('key'), headers: names('headers') };
  }

  /** True when there is nothing to filter on (`{}`, `{"Filters":[]}`). */
  get empty(): boolean {
    return this.patterns.length === 0;
  }

  matches(record: KafkaRecord): boolean {
    if (this.patterns.length === 0) return true;
    const view = this.viewOf(record);
    return this.patterns.some((pattern) => matchesPattern(pattern, view));
  }

  /** The record as the patterns see it: fields left out when absent, as AWS's event omits them. */
  private viewOf(record: KafkaRecord): Record<string, unknown> {
    // No prototype: a header named `__proto__` is a field like any other.
    const view = Object.create(null) as Record<string, unknown>;
    if (this.reads.value && record.value !== null) view.value = readPart(record.value);
    if (this.reads.key && record.key !== null) view.key = readPart(record.key);
    if (this.reads.headers) view.headers = readHeaders(record.headers);
    return view;
  }
}

/**
 * A key or value as AWS filters it: JSON when the text is a JSON object or array (so patterns
 * can name its fields), otherwise the plain UTF-8 string; bytes that are not UTF-8 are unreadable.
 */
export function readPart(bytes: Buffer): unknown {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return UNREADABLE;
  }
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON after all (or nested past what the parser takes): a plain string, as AWS sees it.
    return text;
  }
}

/** Header name → its value as UTF-8 text (null when valueless); a repeated header → all values. */
function readHeaders(headers: Record<string, KafkaHeaderValue>): Record<string, unknown> {
  const view = Object.create(null) as Record<string, unknown>;
  for (const name in headers) {
    const value = headers[name];
    view[name] = Array.isArray(value) ? value.map(headerText) : headerText(value);
  }
  return view;
}

function headerText(value: Buffer | string | null | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  try {
    return UTF8.decode(value);
  } catch {
    return UNREADABLE;
  }
}

/**
 * The filter for `aws.lambda.filter.criteria`, or undefined when there is nothing to filter on.
 * The text passed validation at startup, so it compiles here.
 */
export function recordFilterOf(criteria: string | undefined): RecordFilter | undefined {
  if (criteria === undefined) return undefined;
  const { patterns, problems } = readFilterCriteria(criteria);
  if (problems.length > 0) throw new Error(`invalid aws.lambda.filter.criteria: ${problems[0]}`);
  return patterns.length > 0 ? new RecordFilter(patterns) : undefined;
}
