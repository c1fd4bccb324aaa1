import {
  requiredSetting,
  TransformConfigError,
  type Predicate,
  type TransformConfig,
} from './transform';

/** `TopicNameMatches`: the whole topic name matches `pattern`. */
export function topicNameMatches(config: TransformConfig): Predicate {
  const pattern = requiredSetting(config, 'pattern');
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw new TransformConfigError(
      'pattern',
      `must be a valid regular expression (${(error as Error).message})`,
    );
  }
  return { test: (record) => regex.test(record.topic) };
}

/** `HasHeaderKey`: the record has at least one header named `name`. */
export function hasHeaderKey(config: TransformConfig): Predicate {
  const name = requiredSetting(config, 'name');
  return { test: (record) => record.headers.some((header) => name in header) };
}

/** `RecordIsTombstone`: the value is null. */
export function recordIsTombstone(): Predicate {
  return { test: (record) => record.value === null || record.value === undefined };
}
