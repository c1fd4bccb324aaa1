import {
  isMap,
  listSetting,
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

/**
 * Apache Kafka's field transforms (org.apache.kafka.connect.transforms.*) on schemaless data,
 * with Kafka's settings and behaviour; `side` is the `$Key` / `$Value` variant.
 */

/** `InsertField`: record metadata or a static value as fields; `name!` required, `name?` optional. */
export function insertField(config: TransformConfig, side: RecordSide): Transform {
  const field = (name: string) => config[name]?.replace(/[!?]$/, '') || undefined;
  const fields = {
    topic: field('topic.field'),
    partition: field('partition.field'),
    offset: field('offset.field'),
    timestamp: field('timestamp.field'),
    static: field('static.field'),
  };
  const staticValue = config['static.value'];
  if (fields.static !== undefined && staticValue === undefined) {
    throw new TransformConfigError('static.value', 'is required with static.field');
  }
  return {
    apply(record) {
      const value = sideValue(record, side);
      // Tombstones pass untouched, as in Kafka.
      if (value === null || value === undefined) return record;
      const out = { ...requireMap(value, 'field insertion') };
      if (fields.topic) out[fields.topic] = record.topic;
      if (fields.partition) out[fields.partition] = record.partition;
      if (fields.offset) out[fields.offset] = record.offset;
      // A java.util.Date in Connect; epoch milliseconds in JSON.
      if (fields.timestamp) out[fields.timestamp] = record.timestamp;
      if (fields.static) out[fields.static] = staticValue;
      return withSide(record, side, out);
    },
  };
}

/** `ReplaceField`: `include` / `exclude` (or the older `whitelist` / `blacklist`) and `renames`. */
export function replaceField(config: TransformConfig): (side: RecordSide) => Transform {
  const exclude = new Set([...listSetting(config, 'exclude'), ...listSetting(config, 'blacklist')]);
  const includeList = [...listSetting(config, 'include'), ...listSetting(config, 'whitelist')];
  const include = includeList.length ? new Set(includeList) : undefined;
  const renames = new Map<string, string>();
  for (const pair of listSetting(config, 'renames')) {
    const [from, to, ...rest] = pair.split(':');
    if (!from || !to || rest.length) {
      throw new TransformConfigError('renames', 'must be a list of old:new field name pairs');
    }
    renames.set(from, to);
  }
  return (side) => ({
    apply(record) {
      const value = sideValue(record, side);
      if (value === null || value === undefined) return record;
      const out: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(requireMap(value, 'field replacement'))) {
        if (exclude.has(name) || (include && !include.has(name))) continue;
        out[renames.get(name) ?? name] = item;
      }
      return withSide(record, side, out);
    },
  });
}

/** `MaskField`: each field replaced by its type's empty value, or by `replacement`. */
export function maskField(config: TransformConfig, side: RecordSide): Transform {
  const fields = listSetting(config, 'fields');
  if (!fields.length) throw new TransformConfigError('fields', 'is required');
  const replacement = config.replacement;
  const masked = (item: unknown): unknown => {
    if (replacement !== undefined) {
      if (typeof item === 'number') {
        const number = Number(replacement);
        if (Number.isNaN(number)) {
          throw new TransformDataError(`Cannot mask value with replacement ${replacement}`);
        }
        return number;
      }
      if (typeof item === 'string') return replacement;
      throw new TransformDataError(
        `Cannot mask value of type ${typeof item} with custom replacement`,
      );
    }
    if (typeof item === 'number') return 0;
    if (typeof item === 'string') return '';
    if (typeof item === 'boolean') return false;
    if (Array.isArray(item)) return [];
    if (isMap(item)) return {};
    return null;
  };
  return {
    apply(record) {
      const value = sideValue(record, side);
      if (value === null || value === undefined) return record;
      const out = { ...requireMap(value, 'masking fields') };
      for (const field of fields) if (field in out) out[field] = masked(out[field]);
      return withSide(record, side, out);
    },
  };
}

/** `ExtractField`: the value of one field (dotted path with `field.syntax.version=V2`). */
export function extractField(config: TransformConfig, side: RecordSide): Transform {
  const field = requiredSetting(config, 'field');
  const v2 = (config['field.syntax.version'] ?? 'V1').toUpperCase() === 'V2';
  const path = v2 ? field.split('.') : [field];
  return {
    apply(record) {
      const value = sideValue(record, side);
      if (value === null || value === undefined) return withSide(record, side, null);
      let node: unknown = requireMap(value, 'field extraction');
      for (const step of path) node = isMap(node) ? node[step] : undefined;
      return withSide(record, side, node ?? null);
    },
  };
}

/** `HoistField`: the whole key or value wrapped in `{field: …}`. */
export function hoistField(config: TransformConfig, side: RecordSide): Transform {
  const field = requiredSetting(config, 'field');
  return {
    apply: (record) => withSide(record, side, { [field]: sideValue(record, side) ?? null }),
  };
}

/** `ValueToKey`: the key becomes `{f: value.f, …}` for the listed value fields. */
export function valueToKey(config: TransformConfig): Transform {
  const fields = listSetting(config, 'fields');
  if (!fields.length) throw new TransformConfigError('fields', 'is required');
  return {
    apply(record) {
      const value = requireMap(record.value, 'copying fields from value to key');
      const key: Record<string, unknown> = {};
      for (const field of fields) key[field] = value[field] ?? null;
      return { ...record, key };
    },
  };
}

/** `Flatten`: nested objects become fields joined by `delimiter` (default `.`); arrays stay. */
export function flatten(config: TransformConfig, side: RecordSide): Transform {
  const delimiter = config.delimiter ?? '.';
  const into = (out: Record<string, unknown>, prefix: string, map: Record<string, unknown>) => {
    for (const [name, item] of Object.entries(map)) {
      const flat = prefix ? `${prefix}${delimiter}${name}` : name;
      if (isMap(item)) into(out, flat, item);
      else out[flat] = item;
    }
    return out;
  };
  return {
    apply(record) {
      const value = sideValue(record, side);
      if (value === null || value === undefined) return record;
      return withSide(record, side, into({}, '', requireMap(value, 'flattening')));
    },
  };
}
