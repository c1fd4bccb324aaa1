import { readConfigFile } from './config-file-reader';
import { CONFIG_FILE_ENV, propertiesFromEnv } from './env-properties';
import type { LambdaSinkOptions } from './lambda-sink-options';
import { optionsFromConnectProperties } from './connect-options';

export interface ConnectPropertiesSources {
  /** `--config FILE`; else `LAMBDA_SINK_CONFIG`; else the environment alone. */
  file?: string;
  env?: NodeJS.ProcessEnv;
}

interface LoadedProperties {
  properties: Record<string, string>;
  writtenAs: Record<string, string>;
}

function load({ file, env = process.env }: ConnectPropertiesSources): LoadedProperties {
  const path = file || env[CONFIG_FILE_ENV];
  const fromFile = path ? readConfigFile(path) : {};
  const fromEnv = propertiesFromEnv(env);
  // The environment wins, so one image can run with a baked-in file and per-deployment overrides.
  return { properties: { ...fromFile, ...fromEnv.properties }, writtenAs: fromEnv.variables };
}

/**
 * The flat Connect property map from the file and `LAMBDA_SINK_*` variables (these win).
 *
 * @throws ConfigValidationError when the file cannot be read or parsed.
 */
export function loadConnectProperties(
  sources: ConnectPropertiesSources = {},
): Record<string, string> {
  return load(sources).properties;
}

/**
 * The standalone service's configuration: loaded as `loadConnectProperties` does and validated,
 * with problems about environment values naming the variable the user set.
 *
 * @throws ConfigValidationError listing every problem.
 */
export function loadLambdaSinkOptions(sources: ConnectPropertiesSources = {}): LambdaSinkOptions {
  const { properties, writtenAs } = load(sources);
  return optionsFromConnectProperties(properties, { writtenAs });
}
