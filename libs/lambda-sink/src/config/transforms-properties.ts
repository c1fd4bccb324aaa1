import * as m from './config-messages';
import { configProblem, type ConfigProblem } from './config-validation-error';
import type { TransformSpec } from './lambda-sink-options';
import { parseBoolean, parseList } from './property-parsers';
import {
  checkPredicate,
  checkTransform,
  isSupportedPredicate,
  isSupportedTransform,
  SUPPORTED_PREDICATES,
  SUPPORTED_TRANSFORMS,
} from '../conversion/transforms/transform-chain';
import { TransformConfigError } from '../conversion/transforms/transform';

type Values = Record<string, string | undefined>;

export interface TransformsReading {
  specs: TransformSpec[];
  problems: ConfigProblem[];
  warnings: string[];
}

/** True for names this module reads (so they are not unknown properties). */
export function isTransformProperty(name: string): boolean {
  return /^(transforms|predicates)(\.|$)/.test(name);
}

/** The settings under `<list>.<alias>.` (without that prefix). */
function settingsOf(values: Values, list: string, alias: string): Record<string, string> {
  const prefix = `${list}.${alias}.`;
  const config: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith(prefix) && value !== undefined) config[name.slice(prefix.length)] = value;
  }
  return config;
}

/**
 * `transforms` and `predicates` in Connect's syntax, checked as Connect checks them when a
 * connector is created: every alias has a supported `type`, a transform's `predicate` is listed
 * in `predicates`, and each transform's own settings are usable. Every problem is reported.
 */
export function readTransforms(
  values: Values,
  writtenAs: Record<string, string> = {},
): TransformsReading {
  const problems: ConfigProblem[] = [];
  const warnings: string[] = [];
  const problem = (name: string, message: string) =>
    problems.push(configProblem(writtenAs[name] ?? name, values[name], message, name));
  const transforms = parseList(values.transforms ?? '');
  const predicates = parseList(values.predicates ?? '');

  const predicateSpecs = new Map<
    string,
    { alias: string; type: string; config: Record<string, string> }
  >();
  for (const alias of predicates) {
    const typeName = `predicates.${alias}.type`;
    const type = values[typeName];
    if (type === undefined) {
      problem(typeName, m.isRequired());
      continue;
    }
    if (!isSupportedPredicate(type)) {
      problem(typeName, m.notSupportedClass('predicate', SUPPORTED_PREDICATES));
      continue;
    }
    const { type: _type, ...config } = settingsOf(values, 'predicates', alias);
    if (check(() => checkPredicate(type, config), `predicates.${alias}.`, problem)) {
      predicateSpecs.set(alias, { alias, type, config });
    }
  }

  const specs: TransformSpec[] = [];
  for (const alias of transforms) {
    const prefix = `transforms.${alias}.`;
    const type = values[`${prefix}type`];
    if (type === undefined) {
      problem(`${prefix}type`, m.isRequired());
      continue;
    }
    if (!isSupportedTransform(type)) {
      problem(`${prefix}type`, m.notSupportedClass('transform', SUPPORTED_TRANSFORMS));
      continue;
    }
    const {
      type: _type,
      predicate: predicateAlias,
      negate,
      ...config
    } = settingsOf(values, 'transforms', alias);
    const negated = negate === undefined ? false : parseBoolean(negate);
    if (negated === undefined) problem(`${prefix}negate`, m.mustBeBoolean());
    let predicate;
    if (predicateAlias !== undefined) {
      predicate = predicateSpecs.get(predicateAlias);
      if (!predicates.includes(predicateAlias))
        problem(`${prefix}predicate`, m.predicateNotListed('predicates'));
    }
    if (check(() => checkTransform(type, config), prefix, problem)) {
      specs.push({ alias, type, config, predicate, negate: negated ?? false });
    }
  }

  // Settings of aliases the lists leave out do nothing in Connect either: say so.
  for (const [list, aliases] of [
    ['transforms', transforms],
    ['predicates', predicates],
  ] as const) {
    const strays = new Set(
      Object.keys(values)
        .filter((name) => name.startsWith(`${list}.`) && values[name] !== undefined)
        .map((name) => name.slice(list.length + 1).split('.')[0])
        .filter((alias) => !aliases.includes(alias)),
    );
    for (const alias of strays) warnings.push(m.aliasNotListed(alias, list));
  }
  return { specs, problems, warnings };
}

function check(
  build: () => void,
  prefix: string,
  problem: (name: string, message: string) => void,
): boolean {
  try {
    build();
    return true;
  } catch (error) {
    if (!(error instanceof TransformConfigError)) throw error;
    problem(prefix + error.setting, error.message);
    return false;
  }
}
