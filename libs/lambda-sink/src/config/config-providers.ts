import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, resolve, sep } from 'node:path';
import * as m from './config-messages';
import { parseList } from './property-parsers';
import { parsePropertiesFile } from './properties-file-parser';
import { HIDDEN } from './secret-properties';

type Values = Record<string, string | undefined>;

const PROVIDER_PACKAGE = 'org.apache.kafka.common.config.provider.';
export const CONFIG_PROVIDER_CLASSES = [
  `${PROVIDER_PACKAGE}FileConfigProvider`,
  `${PROVIDER_PACKAGE}DirectoryConfigProvider`,
  `${PROVIDER_PACKAGE}EnvVarConfigProvider`,
];

// Kafka's ConfigTransformer pattern: ${provider:[path:]key}.
const VARIABLE = /\$\{([^}]*?):(?:([^}]*?):)?([^}]*?)\}/g;

/** True for `config.providers` and its `config.providers.<alias>.*` settings. */
export function isConfigProviderProperty(name: string): boolean {
  return /^config\.providers(\.|$)/.test(name);
}

export interface ResolvedVariables {
  values: Values;
  /** Properties whose value came (in part) from a provider: shown as `[hidden]` in problems. */
  resolved: Set<string>;
  /** Property → what is wrong with a variable in it. */
  problems: Map<string, string>;
  /** The values providers supplied: secrets wherever they end up (see `withoutProvidedValues`). */
  provided: Set<string>;
}

interface Provider {
  get(path: string | undefined, key: string): string;
}

class ProviderError extends Error {}

/**
 * Replaces `${alias:path:key}` variables with what the config providers listed in
 * `config.providers` return, as Kafka's ConfigTransformer does: FileConfigProvider (a key of a
 * properties file), DirectoryConfigProvider (a file of a directory) and EnvVarConfigProvider
 * (an environment variable), with their `allowed.paths` / `allowlist.pattern` params. Unlike
 * Kafka, which leaves a variable it cannot resolve as it is, every unresolvable variable is a
 * problem: a literal `${…}` would only fail later, less clearly.
 */
export function resolveConfigVariables(values: Values, env: NodeJS.ProcessEnv): ResolvedVariables {
  const { providers, problems } = configuredProviders(values, env);
  const resolved = new Set<string>();
  const provided = new Set<string>();
  const out: Values = { ...values };
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || isConfigProviderProperty(name) || !value.includes('${')) continue;
    out[name] = value.replace(
      VARIABLE,
      (whole, alias: string, path: string | undefined, key: string) => {
        // `${connector}` and other placeholders without a provider are not variables.
        if (!alias) return whole;
        const provider = providers.get(alias);
        if (!provider) {
          if (!problems.has(name)) problems.set(name, m.providerUnknown(alias));
          return whole;
        }
        try {
          const resolvedValue = provider.get(path, key);
          resolved.add(name);
          if (resolvedValue !== '') provided.add(resolvedValue);
          return resolvedValue;
        } catch (error) {
          if (!(error instanceof ProviderError)) throw error;
          if (!problems.has(name)) problems.set(name, error.message);
          return whole;
        }
      },
    );
  }
  return { values: out, resolved, problems, provided };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The problem with every provider-supplied value replaced by `[hidden]` in its property name and
 * message. A value is hidden where it is a property's value already; this covers where it turns
 * into a name, e.g. `transforms=${file:…}` naming transform aliases (`transforms.<alias>.type`).
 * Whole tokens only, so a short value does not cut into the words around it.
 */
export function withoutProvidedValues<T extends { property: string; message: string }>(
  problem: T,
  provided: ReadonlySet<string>,
): T {
  let { property, message } = problem;
  for (const value of provided) {
    const token = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(value)}(?![A-Za-z0-9])`, 'g');
    property = property.replace(token, HIDDEN);
    message = message.replace(token, HIDDEN);
  }
  return property === problem.property && message === problem.message
    ? problem
    : { ...problem, property, message };
}

function configuredProviders(values: Values, env: NodeJS.ProcessEnv) {
  const providers = new Map<string, Provider>();
  const problems = new Map<string, string>();
  for (const alias of parseList(values['config.providers'] ?? '')) {
    const classProperty = `config.providers.${alias}.class`;
    const className = values[classProperty];
    const param = (name: string) => values[`config.providers.${alias}.param.${name}`];
    const allowedPaths = parseList(param('allowed.paths') ?? '').map((p) => normalize(resolve(p)));
    const checkPath = (path: string) => {
      const full = normalize(resolve(path));
      if (
        allowedPaths.length &&
        !allowedPaths.some((a) => full === a || full.startsWith(a + sep))
      ) {
        throw new ProviderError(m.providerPathNotAllowed(alias));
      }
      return full;
    };
    switch (className) {
      case `${PROVIDER_PACKAGE}FileConfigProvider`:
        providers.set(alias, {
          get(path, key) {
            if (!path)
              throw new ProviderError(m.providerReadFailed(alias, 'the variable names no file'));
            const file = checkPath(path);
            const properties = parsePropertiesFile(
              file,
              read(alias, () => readFileSync(file, 'utf8')),
            );
            if (properties[key] === undefined) {
              throw new ProviderError(m.providerKeyMissing(alias, key, path));
            }
            return properties[key];
          },
        });
        break;
      case `${PROVIDER_PACKAGE}DirectoryConfigProvider`:
        providers.set(alias, {
          get(path, key) {
            if (!path)
              throw new ProviderError(
                m.providerReadFailed(alias, 'the variable names no directory'),
              );
            const dir = checkPath(path);
            const file = join(dir, key);
            // Only a regular file directly in the directory, as Kafka reads them.
            const inside = !isAbsolute(key) && !key.includes('/') && !key.includes('\\');
            const names = read(alias, () => readdirSync(dir));
            if (!inside || !names.includes(key) || !statSync(file).isFile()) {
              throw new ProviderError(m.providerKeyMissing(alias, key, path));
            }
            return read(alias, () => readFileSync(file, 'utf8'));
          },
        });
        break;
      case `${PROVIDER_PACKAGE}EnvVarConfigProvider`: {
        const allow = new RegExp(`^(?:${param('allowlist.pattern') ?? '.*'})$`);
        providers.set(alias, {
          get(path, key) {
            // ${env:VAR}; a path (${env:x:VAR}) is ignored as Kafka ignores it.
            void path;
            if (!allow.test(key)) throw new ProviderError(m.providerEnvNotAllowed(alias));
            const value = env[key];
            if (value === undefined)
              throw new ProviderError(m.providerKeyMissing(alias, key, 'the environment'));
            return value;
          },
        });
        break;
      }
      default:
        problems.set(
          classProperty,
          className === undefined
            ? m.isRequired()
            : m.notSupportedClass('config provider', CONFIG_PROVIDER_CLASSES),
        );
    }
  }
  return { providers, problems };
}

function read<T>(alias: string, reader: () => T): T {
  try {
    return reader();
  } catch (error) {
    throw new ProviderError(
      m.providerReadFailed(alias, (error as NodeJS.ErrnoException).code ?? 'cannot be read'),
    );
  }
}

// Confluent's reporter names its topics with `${connector}` standing for the connector's name.
const CONNECTOR_PLACEHOLDER_PROPERTIES = [
  'reporter.result.topic.name',
  'reporter.error.topic.name',
];

/** `${connector}` in the reporter topic names replaced by `name`, as Confluent documents. */
export function substituteConnectorName(values: Values): Values {
  const name = values.name;
  if (name === undefined) return values;
  const out = { ...values };
  for (const property of CONNECTOR_PLACEHOLDER_PROPERTIES) {
    out[property] = out[property]?.replaceAll('${connector}', name);
  }
  return out;
}
