import {
  isMap,
  listSetting,
  sideValue,
  TransformConfigError,
  TransformDataError,
  withSide,
  type RecordSide,
  type Transform,
  type TransformConfig,
} from './transform';

const TYPES = [
  'int8',
  'int16',
  'int32',
  'int64',
  'float32',
  'float64',
  'boolean',
  'string',
] as const;
type CastType = (typeof TYPES)[number];

/**
 * `Cast`: `spec` is `type` for the whole key/value or `field:type,…`. Numbers narrow as Java's
 * `byteValue()`… do (wrapping), booleans are 1/0, strings are parsed as Java parses them.
 */
export function cast(config: TransformConfig, side: RecordSide): Transform {
  const spec = listSetting(config, 'spec');
  if (!spec.length) throw new TransformConfigError('spec', 'is required');
  let whole: CastType | undefined;
  const fields = new Map<string, CastType>();
  for (const item of spec) {
    const parts = item.split(':');
    const type = parts[parts.length - 1].trim().toLowerCase() as CastType;
    if (!TYPES.includes(type)) {
      throw new TransformConfigError('spec', `type ${type} is not one of ${TYPES.join(', ')}`);
    }
    if (parts.length === 1) whole = type;
    else fields.set(parts[0].trim(), type);
  }
  if (whole !== undefined && fields.size) {
    throw new TransformConfigError('spec', 'casts either the whole value or fields, not both');
  }
  return {
    apply(record) {
      const value = sideValue(record, side);
      if (value === null || value === undefined) return record;
      if (whole !== undefined) return withSide(record, side, castValue(value, whole));
      if (!isMap(value)) {
        throw new TransformDataError(
          `Only Map objects supported in absence of schema for [cast types], found: ${typeof value}`,
        );
      }
      const out = { ...value };
      for (const [field, type] of fields) {
        if (out[field] !== null && out[field] !== undefined)
          out[field] = castValue(out[field], type);
      }
      return withSide(record, side, out);
    },
  };
}

function castValue(value: unknown, type: CastType): unknown {
  if (type === 'string') return castToString(value);
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    if (typeof value === 'string') return value.trim().toLowerCase() === 'true';
    throw unsupported(value, type);
  }
  const number = toNumber(value, type);
  switch (type) {
    case 'int8':
      return Int8Array.of(Math.trunc(number))[0];
    case 'int16':
      return Int16Array.of(Math.trunc(number))[0];
    case 'int32':
      return Int32Array.of(Math.trunc(number))[0];
    case 'int64':
      return Number(BigInt.asIntN(64, BigInt(Math.trunc(number))));
    case 'float32':
      return Math.fround(number);
    default:
      return number;
  }
}

function toNumber(value: unknown, type: CastType): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const integer = type.startsWith('int');
    const text = value.trim();
    const parsed = integer ? (/^[+-]?\d+$/.test(text) ? Number(text) : NaN) : Number(text);
    if (Number.isNaN(parsed)) {
      throw new TransformDataError(`Value ${JSON.stringify(value)} cannot be cast to ${type}`);
    }
    return parsed;
  }
  throw unsupported(value, type);
}

/**
 * A number as JavaScript writes it: JSON does not say whether a value was a Java double, so a
 * whole float64 is `"2"` here where Java's `String.valueOf` writes `"2.0"`.
 */
function castToString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function unsupported(value: unknown, type: CastType): TransformDataError {
  return new TransformDataError(
    `Cast transformation does not support casting ${typeof value} to ${type}`,
  );
}
