import { configProblem, ConfigValidationError } from './config-validation-error';
import type { LambdaSinkOptions } from './lambda-sink-options';
import { resolveAliases } from './property-aliases';
import { HIDDEN, isSecretProperty, maskProperties } from './secret-properties';
import {
  resolveConfigVariables,
  substituteConnectorName,
  withoutProvidedValues,
} from './config-providers';
import { readTransforms } from './transforms-properties';
import { unsupportedProperties } from './unsupported-properties';
import { startupWarnings } from './startup-warnings';
import { topicFunctionMapProblems } from './topic-function-map';
import { toLambdaSinkOptions } from './to-lambda-sink-options';
import { validateConnectProperties } from './validate-connect-properties';

// Empty means "disabled" for these (as in the Confluent connector), "unset" for everything else.
const EMPTY_MEANS_DISABLED = new Set([
  'reporter.result.topic.name',
  'reporter.error.topic.name',
  // Empty turns host name verification off, as in the Java client.
  'ssl.endpoint.identification.algorithm',
  'reporter.ssl.endpoint.identification.algorithm',
]);

// As in Java clients, an empty endpoint identification algorithm turns the host name check off.
const emptyIsAValue = (name: string) =>
  EMPTY_MEANS_DISABLED.has(name) ||
  name.endsWith('.schema.registry.ssl.endpoint.identification.algorithm');

/** A Connect property map; numbers and booleans are accepted for code that builds one. */
export type ConnectProperties = Readonly<Record<string, string | number | boolean>>;

export interface ConnectPropertiesContext {
  /** Property → the name the user wrote instead (e.g. a typed option path), for problems. */
  writtenAs?: Record<string, string>;
  /** Where `${env:VAR}` variables are read (EnvVarConfigProvider); `process.env` by default. */
  env?: NodeJS.ProcessEnv;
}

/**
 * The sink's options from a Connect property map (`aws.lambda.function.name=…`), the one door
 * every configuration source goes through: validation of every property at once, then defaults.
 *
 * @throws ConfigValidationError listing every problem, each with the property as written.
 */
export function optionsFromConnectProperties(
  properties: ConnectProperties,
  context: ConnectPropertiesContext = {},
): LambdaSinkOptions {
  const asWritten = Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [name, String(value)]),
  );
  const { properties: aliased, writtenAs: aliases } = resolveAliases(
    normalizeProperties(asWritten),
  );
  // A value read through an alias is named as the alias was written (possibly an env var).
  // No prototype: a property named like one of Object's members (`valueOf=…`) must look up as
  // unset here, not as that member (a function handed on as a name crashed validation).
  const writtenAs: Record<string, string> = Object.assign(
    Object.create(null) as Record<string, string>,
    context.writtenAs,
  );
  for (const [name, alias] of Object.entries(aliases)) writtenAs[name] = writtenAs[alias] ?? alias;
  const variables = resolveConfigVariables(aliased, context.env ?? process.env);
  const values = substituteConnectorName(variables.values);
  const transforms = readTransforms(values, writtenAs);
  const unsupported = unsupportedProperties(values, writtenAs);
  const topicFunctions = topicFunctionMapProblems(values, writtenAs);
  const problems = [
    ...[...variables.problems].map(([name, message]) =>
      configProblem(writtenAs[name] ?? name, aliased[name], message, name),
    ),
    // A property whose variable failed is reported for that alone, not again for its `${…}`.
    ...validateConnectProperties(values, writtenAs).filter(
      (problem) =>
        ![...variables.problems.keys()].some(
          (name) => problem.property === (writtenAs[name] ?? name),
        ),
    ),
    ...transforms.problems,
    ...unsupported.problems,
    ...topicFunctions.problems,
  ].map((problem) =>
    // A value a provider supplied is treated as a secret, whatever the property.
    withoutProvidedValues(
      [...variables.resolved].some((name) => problem.property === (writtenAs[name] ?? name))
        ? { ...problem, value: problem.value === undefined ? undefined : HIDDEN }
        : problem,
      variables.provided,
    ),
  );
  if (problems.length > 0) throw new ConfigValidationError(problems);

  const options = { ...toLambdaSinkOptions(values), transforms: transforms.specs };
  return {
    ...options,
    maskedProperties: maskProperties(asWritten),
    warnings: [
      ...startupWarnings(values, options, writtenAs),
      ...transforms.warnings,
      ...unsupported.warnings,
      ...topicFunctions.warnings,
    ],
  };
}

/**
 * Values trimmed (a stray space after `sync` in a properties file is not a different value;
 * secrets are kept exactly) and blanks turned into "unset", as Connect treats them.
 */
function normalizeProperties(
  properties: Record<string, unknown>,
): Record<string, string | undefined> {
  const normalized: Record<string, string | undefined> = {};
  for (const [name, raw] of Object.entries(properties)) {
    // Typed callers in plain JavaScript may hand over numbers or booleans.
    const text = raw === undefined || raw === null ? '' : String(raw);
    const value = isSecretProperty(name) ? text : text.trim();
    normalized[name] = value === '' && !emptyIsAValue(name) ? undefined : value;
  }
  return normalized;
}
