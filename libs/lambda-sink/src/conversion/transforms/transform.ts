/**
 * Single Message Transforms as Kafka Connect runs them on a sink record after the converters:
 * here on the record's JSON form (Connect's schemaless data), before it joins a Lambda payload.
 */
export interface TransformRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  key: unknown;
  value: unknown;
  /** One single-entry object per header, in record order (the payload's shape). */
  headers: Array<Record<string, string | null>>;
}

/** One configured transform: a changed copy of the record, or null to drop it (Filter). */
export interface Transform {
  apply(record: TransformRecord): TransformRecord | null;
}

/** A condition on a record for `transforms.<alias>.predicate`. */
export interface Predicate {
  test(record: TransformRecord): boolean;
}

/** A transform that cannot handle this record (Connect's DataException): a record error. */
export class TransformDataError extends Error {
  override readonly name = 'DataException';
}

/** A transform setting that is missing or wrong, named as written after `transforms.<alias>.`. */
export class TransformConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/** The settings of one transform or predicate, without the `transforms.<alias>.` prefix. */
export type TransformConfig = Readonly<Record<string, string | undefined>>;

/** Whether a transform works on the key or the value (`$Key` / `$Value` classes). */
export type RecordSide = 'key' | 'value';

export const sideValue = (record: TransformRecord, side: RecordSide): unknown => record[side];

export function withSide(
  record: TransformRecord,
  side: RecordSide,
  value: unknown,
): TransformRecord {
  return { ...record, [side]: value };
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Kafka's requireMap: schemaless data must be a map (a JSON object) for field operations. */
export function requireMap(value: unknown, purpose: string): Record<string, unknown> {
  if (isMap(value)) return value;
  throw new TransformDataError(
    `Only Map objects supported in absence of schema for [${purpose}], found: ${typeOf(value)}`,
  );
}

export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A comma list setting, blanks dropped. */
export function listSetting(config: TransformConfig, name: string): string[] {
  return (config[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function requiredSetting(config: TransformConfig, name: string): string {
  const value = config[name];
  if (value === undefined || value.trim() === '') {
    throw new TransformConfigError(name, 'is required');
  }
  return value;
}
