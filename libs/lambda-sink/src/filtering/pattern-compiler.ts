import * as m from './filter.messages';
import {
  NUMERIC_OPERATORS,
  RULE_OPERATORS,
  type FieldPattern,
  type FilterRule,
  type NumericBound,
  type NumericOperator,
  type RuleList,
} from './filter-pattern';

/** The fields of a Kafka record a pattern may name (AWS documents `value`; see CONFIGURATION.md). */
export const RECORD_FIELDS = ['value', 'key', 'headers'] as const;

export interface CompiledPattern {
  pattern?: FieldPattern;
  problems: string[];
}

/**
 * Checks one filter pattern (already parsed JSON) and compiles it, collecting every problem
 * rather than stopping at the first, each naming where it is (`Filters[0].Pattern: value.id`).
 * A pattern with any problem compiles to nothing: a half-understood filter would drop records.
 */
export function compilePattern(json: unknown, where: string): CompiledPattern {
  const problems: string[] = [];
  if (!isObject(json)) return { problems: [m.patternNotObject(where)] };
  const names = Object.keys(json);
  if (names.length === 0) return { problems: [m.patternEmpty(where)] };
  const fields = new Map<string, RuleList | FieldPattern>();
  for (const name of names) {
    const at = `${where}: ${name}`;
    if (!(RECORD_FIELDS as readonly string[]).includes(name)) {
      problems.push(m.unknownRecordField(where, name, RECORD_FIELDS));
      continue;
    }
    const compiled =
      name === 'headers'
        ? compileHeaders(json[name], at, problems)
        : compileField(json[name], at, problems);
    if (compiled) fields.set(name, compiled);
  }
  return problems.length > 0 ? { problems } : { pattern: { kind: 'fields', fields }, problems };
}

/** `headers` names headers, each with a list of rules (a header value is a string, never JSON). */
function compileHeaders(json: unknown, at: string, problems: string[]): FieldPattern | undefined {
  if (!isObject(json) || Object.keys(json).length === 0) {
    problems.push(m.headersNeedNames(at));
    return undefined;
  }
  const fields = new Map<string, RuleList | FieldPattern>();
  for (const [name, rules] of Object.entries(json)) {
    if (!Array.isArray(rules)) {
      problems.push(m.headerNotLeaf(`${at}.${name}`));
      continue;
    }
    const list = compileRules(rules, `${at}.${name}`, problems);
    if (list) fields.set(name, list);
  }
  return { kind: 'fields', fields };
}

function compileField(
  json: unknown,
  at: string,
  problems: string[],
): RuleList | FieldPattern | undefined {
  if (Array.isArray(json)) return compileRules(json, at, problems);
  if (!isObject(json)) {
    problems.push(m.rulesNotArray(at));
    return undefined;
  }
  if (Object.keys(json).length === 0) {
    problems.push(m.rulesNotArray(at));
    return undefined;
  }
  const fields = new Map<string, RuleList | FieldPattern>();
  for (const [name, value] of Object.entries(json)) {
    const compiled = compileField(value, `${at}.${name}`, problems);
    if (compiled) fields.set(name, compiled);
  }
  return { kind: 'fields', fields };
}

function compileRules(json: unknown[], at: string, problems: string[]): RuleList | undefined {
  if (json.length === 0) {
    problems.push(m.rulesEmpty(at));
    return undefined;
  }
  const rules: FilterRule[] = [];
  json.forEach((item, i) => {
    const rule = compileRule(item, `${at}[${i}]`, problems);
    if (rule) rules.push(rule);
  });
  return { kind: 'rules', rules };
}

function compileRule(json: unknown, at: string, problems: string[]): FilterRule | undefined {
  if (json === null || ['string', 'number', 'boolean'].includes(typeof json))
    return { kind: 'equals', value: json as string | number | boolean | null };
  if (!isObject(json)) {
    problems.push(m.ruleNotValue(at));
    return undefined;
  }
  const operators = Object.keys(json);
  if (operators.length !== 1) {
    problems.push(m.operatorCount(at));
    return undefined;
  }
  const [operator] = operators;
  const operand = json[operator];
  const fail = (message: string) => {
    problems.push(message);
    return undefined;
  };
  switch (operator) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
      return typeof operand === 'string'
        ? { kind: operator, value: operand }
        : fail(m.operandNotString(at, operator));
    case 'exists':
      return typeof operand === 'boolean'
        ? { kind: 'exists', value: operand }
        : fail(m.existsNotBoolean(at));
    case 'anything-but':
      return anythingBut(operand) ?? fail(m.anythingButOperand(at));
    case 'numeric':
      return numeric(operand, at, problems);
    default:
      return fail(m.unknownOperator(at, operator, RULE_OPERATORS));
  }
}

function anythingBut(operand: unknown): FilterRule | undefined {
  if (typeof operand === 'string' || isFiniteNumber(operand))
    return { kind: 'anything-but', values: [operand] };
  if (Array.isArray(operand)) {
    const valid = operand.every((v) => typeof v === 'string' || isFiniteNumber(v));
    return operand.length > 0 && valid
      ? { kind: 'anything-but', values: operand as (string | number)[] }
      : undefined;
  }
  if (!isObject(operand) || Object.keys(operand).length !== 1) return undefined;
  const [[operator, value]] = Object.entries(operand);
  if (typeof value !== 'string') return undefined;
  if (operator === 'prefix') return { kind: 'anything-but-prefix', value };
  if (operator === 'suffix') return { kind: 'anything-but-suffix', value };
  if (operator === 'equals-ignore-case') return { kind: 'anything-but-ignore-case', value };
  return undefined;
}

/** `[op, n]`, or a range `[">"|">=", low, "<"|"<=", high]` as EventBridge accepts it. */
function numeric(operand: unknown, at: string, problems: string[]): FilterRule | undefined {
  const bounds = numericBounds(operand);
  if (!bounds) {
    problems.push(m.numericShape(at));
    return undefined;
  }
  if (bounds.length === 2) {
    const [low, high] = bounds;
    const lowOk = low.operator === '>' || low.operator === '>=';
    const highOk = high.operator === '<' || high.operator === '<=';
    if (!lowOk || !highOk) {
      problems.push(m.numericShape(at));
      return undefined;
    }
    if (low.value >= high.value) {
      problems.push(m.numericEmptyRange(at));
      return undefined;
    }
  }
  return { kind: 'numeric', bounds };
}

function numericBounds(operand: unknown): NumericBound[] | undefined {
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) return undefined;
  const bounds: NumericBound[] = [];
  for (let i = 0; i < operand.length; i += 2) {
    const [operator, value] = [operand[i], operand[i + 1]];
    if (!NUMERIC_OPERATORS.includes(operator as NumericOperator) || !isFiniteNumber(value))
      return undefined;
    if (operand.length === 4 && operator === '=') return undefined;
    bounds.push({ operator: operator as NumericOperator, value });
  }
  return bounds;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
