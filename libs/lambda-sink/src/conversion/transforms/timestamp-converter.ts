import { DateFormat } from './date-format';
import {
  isMap,
  requireMap,
  requiredSetting,
  sideValue,
  TransformConfigError,
  TransformDataError,
  withSide,
  type RecordSide,
  type Transform,
  type TransformConfig,
} from './transform';

const TARGETS = ['string', 'unix', 'Date', 'Time', 'Timestamp'] as const;
const PRECISIONS: Record<string, number> = {
  seconds: 1000,
  milliseconds: 1,
  microseconds: 1 / 1000,
  nanoseconds: 1 / 1_000_000,
};
const MS_PER_DAY = 86_400_000;

/**
 * `TimestampConverter`: a timestamp (the whole key/value, or `field`) read from a unix number
 * (`unix.precision`, default milliseconds) or a string (`format`, a SimpleDateFormat pattern, UTC)
 * and written as `target.type`. Connect's Timestamp, Date and Time are epoch milliseconds in the
 * JSON payload (Date: that day's midnight UTC; Time: milliseconds of the day).
 */
export function timestampConverter(config: TransformConfig, side: RecordSide): Transform {
  const targetText = requiredSetting(config, 'target.type');
  const target = TARGETS.find((t) => t.toLowerCase() === targetText.toLowerCase());
  if (!target)
    throw new TransformConfigError('target.type', `must be one of ${TARGETS.join(', ')}`);
  const precisionName = config['unix.precision'] ?? 'milliseconds';
  const precision = PRECISIONS[precisionName];
  if (precision === undefined) {
    throw new TransformConfigError(
      'unix.precision',
      `must be one of ${Object.keys(PRECISIONS).join(', ')}`,
    );
  }
  let format: DateFormat | undefined;
  if (config.format !== undefined && config.format !== '') {
    try {
      format = new DateFormat(config.format);
    } catch (error) {
      throw new TransformConfigError('format', (error as Error).message);
    }
  }
  if (target === 'string' && !format) {
    throw new TransformConfigError('format', 'is required when target.type is string');
  }
  const field = config.field ?? '';

  const toMs = (value: unknown): number => {
    if (typeof value === 'number') return value * precision;
    if (typeof value === 'string') {
      if (!format) {
        throw new TransformDataError(
          'TimestampConverter requires format option to be specified when using string timestamps',
        );
      }
      const ms = format.parse(value);
      if (ms === undefined) {
        throw new TransformDataError(
          `Could not parse timestamp: value (${value}) does not match pattern (${format.pattern})`,
        );
      }
      return ms;
    }
    throw new TransformDataError(`Expected a timestamp (number or string), found: ${typeof value}`);
  };
  const convert = (value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    const ms = Math.trunc(toMs(value));
    switch (target) {
      case 'string':
        return format!.format(ms);
      case 'unix':
        return Math.trunc(ms / precision);
      case 'Date':
        return ms - mod(ms, MS_PER_DAY);
      case 'Time':
        return mod(ms, MS_PER_DAY);
      default:
        return ms;
    }
  };

  return {
    apply(record) {
      const value = sideValue(record, side);
      if (field === '') return withSide(record, side, convert(value));
      if (value === null || value === undefined) return record;
      const map = requireMap(value, 'converting timestamp formats');
      if (!isMap(map)) return record;
      return withSide(record, side, { ...map, [field]: convert(map[field]) });
    },
  };
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
