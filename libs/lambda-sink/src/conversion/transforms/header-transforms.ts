import {
  isMap,
  listSetting,
  requireMap,
  requiredSetting,
  sideValue,
  TransformConfigError,
  withSide,
  type RecordSide,
  type Transform,
  type TransformConfig,
  type TransformRecord,
} from './transform';

/** A field value as a payload header carries it: strings as they are, the rest as JSON. */
function headerText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `InsertHeader`: adds `header` with the literal `value.literal`. */
export function insertHeader(config: TransformConfig): Transform {
  const header = requiredSetting(config, 'header');
  const literal = config['value.literal'];
  if (literal === undefined) throw new TransformConfigError('value.literal', 'is required');
  return {
    apply: (record) => ({ ...record, headers: [...record.headers, { [header]: literal }] }),
  };
}

/** `DropHeaders`: removes every header named in `headers`. */
export function dropHeaders(config: TransformConfig): Transform {
  const names = new Set(listSetting(config, 'headers'));
  if (!names.size) throw new TransformConfigError('headers', 'is required');
  return {
    apply: (record) => ({
      ...record,
      headers: record.headers.filter((header) => !Object.keys(header).some((n) => names.has(n))),
    }),
  };
}

/** `HeaderFrom`: `fields` copied (or, with `operation=move`, moved) into `headers`, pairwise. */
export function headerFrom(config: TransformConfig, side: RecordSide): Transform {
  const fields = listSetting(config, 'fields');
  const headers = listSetting(config, 'headers');
  if (!fields.length) throw new TransformConfigError('fields', 'is required');
  if (fields.length !== headers.length) {
    throw new TransformConfigError('headers', "must have as many names as 'fields'");
  }
  const operation = (config.operation ?? '').toLowerCase();
  if (operation !== 'copy' && operation !== 'move') {
    throw new TransformConfigError('operation', 'must be copy or move');
  }
  return {
    apply(record: TransformRecord) {
      const value = sideValue(record, side);
      if (value === null || value === undefined) return record;
      const map = requireMap(value, 'header from');
      const added = fields.map((field, i) => ({ [headers[i]]: headerText(map[field]) }));
      let next: TransformRecord = { ...record, headers: [...record.headers, ...added] };
      if (operation === 'move' && isMap(map)) {
        const rest = { ...map };
        for (const field of fields) delete rest[field];
        next = withSide(next, side, rest);
      }
      return next;
    },
  };
}

/** `Filter`: drops every record (its predicate decides which). */
export function filter(): Transform {
  return { apply: () => null };
}
