import { ConfigValidationError } from './config-validation-error';
import type { LambdaSinkOptions } from './lambda-sink-options';
import { resolveAliases } from './property-aliases';
import { isSecretProperty, maskProperties } from './secret-properties';
import { startupWarnings } from './startup-warnings';
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

/** A Connect property map; numbers and booleans are accepted for code that builds one. */
export type ConnectProperties = Readonly<Record<string, string | number | boolean>>;

export interface ConnectPropertiesContext {
  /** Property → the name the user wrote instead (e.g. a typed option path), for problems. */
  writtenAs?: Record<string, string>;
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
  const { properties: values, writtenAs: aliases } = resolveAliases(normalizeProperties(asWritten));
  // A value read through an alias is named as the alias was written (possibly an env var).
  const writtenAs = { ...context.writtenAs };
  for (const [name, alias] of Object.entries(aliases)) writtenAs[name] = writtenAs[alias] ?? alias;
  const problems = validateConnectProperties(values, writtenAs);
  if (problems.length > 0) throw new ConfigValidationError(problems);

  const options = toLambdaSinkOptions(values);
  return {
    ...options,
    maskedProperties: maskProperties(asWritten),
    warnings: startupWarnings(values, options, writtenAs),
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
    normalized[name] = value === '' && !EMPTY_MEANS_DISABLED.has(name) ? undefined : value;
  }
  return normalized;
}
