/**
 * A compiled event filter pattern (the syntax AWS Lambda shares with EventBridge): a tree of
 * field names whose leaves are lists of rules. A field matches when any rule of its list does;
 * a pattern matches when every field it names does.
 */
export type Scalar = string | number | boolean | null;

export type NumericOperator = '=' | '<' | '<=' | '>' | '>=';

export interface NumericBound {
  operator: NumericOperator;
  value: number;
}

export type FilterRule =
  | { kind: 'equals'; value: Scalar }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'equals-ignore-case'; value: string }
  | { kind: 'anything-but'; values: readonly (string | number)[] }
  | { kind: 'anything-but-prefix'; value: string }
  | { kind: 'anything-but-suffix'; value: string }
  | { kind: 'anything-but-ignore-case'; value: string }
  | { kind: 'numeric'; bounds: readonly NumericBound[] }
  | { kind: 'exists'; value: boolean };

/** A leaf: the rules one field's value is tested against. */
export interface RuleList {
  kind: 'rules';
  rules: readonly FilterRule[];
}

/** A nested object of fields; every field must match. */
export interface FieldPattern {
  kind: 'fields';
  fields: ReadonlyMap<string, RuleList | FieldPattern>;
}

/** The operators a rule object may hold, as AWS spells them. */
export const RULE_OPERATORS = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'exists',
] as const;

export const NUMERIC_OPERATORS: readonly NumericOperator[] = ['=', '<', '<=', '>', '>='];
