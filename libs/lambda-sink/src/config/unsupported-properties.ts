import * as m from './config-messages';
import { configProblem, type ConfigProblem } from './config-validation-error';

type Values = Record<string, string | undefined>;

interface Refusal {
  /** The properties (as a migrating user has them) this refusal is about. */
  names: RegExp;
  /** Refused only for these values; always when undefined. */
  refuses?: (value: string) => boolean;
  what: string;
  instead: string;
}

/**
 * Settings a copied Connect or Confluent file may hold that this sink cannot honour. Each stops
 * startup saying so and what to do instead, rather than being ignored while the function
 * receives something else than under Connect.
 */
const REFUSALS: readonly Refusal[] = [
  {
    names: /^record\.converter\.class$/,
    what: 'another Lambda payload format',
    instead: "remove it: the payload is always the Confluent connector's JSON format",
  },
];

/** Connect settings accepted, but whose non-default values do not apply here. */
const WITHOUT_EFFECT: ReadonlyArray<{ name: string; unless: string; reason: string }> = [
  {
    name: 'errors.retry.timeout',
    unless: '0',
    reason:
      'transient failures are retried by the sink itself (aws.lambda.max.retries for Lambda; ' +
      'the Schema Registry until it answers); converter and transform errors are not retried',
  },
  { name: 'errors.retry.delay.max.ms', unless: '60000', reason: 'see errors.retry.timeout' },
];

/** True for the names this module reads (so they are not reported as unknown). */
export function isUnsupportedProperty(name: string): boolean {
  return (
    REFUSALS.some((refusal) => refusal.names.test(name)) ||
    WITHOUT_EFFECT.some((setting) => setting.name === name)
  );
}

export function unsupportedProperties(
  values: Values,
  writtenAs: Record<string, string> = {},
): { problems: ConfigProblem[]; warnings: string[] } {
  const problems: ConfigProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const refusal = REFUSALS.find((r) => r.names.test(name));
    if (refusal && (!refusal.refuses || refusal.refuses(value))) {
      problems.push(
        configProblem(
          writtenAs[name] ?? name,
          value,
          m.notSupportedBecause(refusal.what, refusal.instead),
          name,
        ),
      );
    }
  }
  const warnings = WITHOUT_EFFECT.filter(
    ({ name, unless }) => values[name] !== undefined && values[name] !== unless,
  ).map(({ name, reason }) => m.settingIgnored([name], reason));
  return { problems, warnings };
}
