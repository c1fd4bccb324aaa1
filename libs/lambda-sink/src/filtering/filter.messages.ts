/**
 * What is wrong with `aws.lambda.filter.criteria`, one function per problem. Each names where
 * (`Filters[1].Pattern: value.amount`) and never quotes a record: only the user's own pattern.
 */
export const notJson = (where: string, reason: string) => `${where} is not JSON (${reason})`;
export const criteriaShape = () =>
  'must be a FilterCriteria object {"Filters":[{"Pattern":"…"}]} or a single filter pattern object';
export const filtersNotArray = () => 'Filters must be an array of {"Pattern": "…"} objects';
export const filterNotObject = (where: string) => `${where} must be an object {"Pattern": "…"}`;
export const patternMissing = (where: string) => `${where} has no Pattern`;
export const filterUnknownField = (where: string, field: string) =>
  `${where} has an unknown field ${JSON.stringify(field)} (a filter holds only Pattern)`;
export const patternNotObject = (where: string) =>
  `${where} must be a JSON object of fields to match`;
export const patternEmpty = (where: string) => `${where} matches nothing: it names no field`;
export const unknownRecordField = (where: string, field: string, allowed: readonly string[]) =>
  `${where} names ${JSON.stringify(field)}, but Kafka records are matched on ${allowed.join(', ')}`;
export const headersNeedNames = (where: string) =>
  `${where} must be an object of header names, each with a list of rules`;
export const headerNotLeaf = (where: string) =>
  `${where} must be a list of rules: header values are strings, not JSON`;
export const rulesNotArray = (where: string) =>
  `${where} must be a list of rules [ … ] or an object of nested fields`;
export const rulesEmpty = (where: string) =>
  `${where} is an empty list of rules (it would never match)`;
export const ruleNotValue = (where: string) =>
  `${where} must be a string, number, true, false, null or an {operator: …} object`;
export const operatorCount = (where: string) =>
  `${where} must hold exactly one operator, e.g. {"prefix": "AB"}`;
export const unknownOperator = (where: string, operator: string, known: readonly string[]) =>
  `${where} has an unknown operator ${JSON.stringify(operator)} (one of ${known.join(', ')})`;
export const operandNotString = (where: string, operator: string) =>
  `${where}: ${operator} takes a string`;
export const existsNotBoolean = (where: string) => `${where}: exists takes true or false`;
export const anythingButOperand = (where: string) =>
  `${where}: anything-but takes a string, a number, a non-empty list of them, or ` +
  '{"prefix"|"suffix"|"equals-ignore-case": "…"}';
export const numericShape = (where: string) =>
  `${where}: numeric takes [op, number] or [">"|">=", low, "<"|"<=", high] with op one of =, <, <=, >, >=`;
export const numericEmptyRange = (where: string) =>
  `${where}: numeric range is empty (its low bound is not below its high bound)`;
