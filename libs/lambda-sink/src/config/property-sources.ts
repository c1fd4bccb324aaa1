import { readConfigFile } from './config-file-reader';
import { CONFIG_FILE_ENV, propertiesFromEnv, WORKER_FILE_ENV } from './env-properties';
import type { LambdaSinkOptions } from './lambda-sink-options';
import { optionsFromConnectProperties } from './connect-options';
import { applyWorkerProperties, describeConverters } from './worker-properties';

export interface ConnectPropertiesSources {
  /** `--config FILE`; else `LAMBDA_SINK_CONFIG`; else the environment alone. */
  file?: string;
  /** `--worker FILE`, a Connect worker file; else `LAMBDA_SINK_WORKER_CONFIG`; else none. */
  workerFile?: string;
  env?: NodeJS.ProcessEnv;
}

interface LoadedProperties {
  properties: Record<string, string>;
  writtenAs: Record<string, string>;
  /** What startup says about the worker file and the converters in force. */
  notes: { info: string[]; warnings: string[] };
}

function load({ file, workerFile, env = process.env }: ConnectPropertiesSources): LoadedProperties {
  const path = file || env[CONFIG_FILE_ENV];
  const workerPath = workerFile || env[WORKER_FILE_ENV];
  const fromFile = path ? readConfigFile(path) : {};
  const worker = applyWorkerProperties(workerPath ? readConfigFile(workerPath) : {}, fromFile);
  const fromEnv = propertiesFromEnv(env);
  // The environment wins, so one image can run with a baked-in file and per-deployment overrides.
  const properties = { ...worker.properties, ...fromEnv.properties };
  const converters = {
    key: fromEnv.properties['key.converter'] !== undefined ? 'environment' : worker.converters.key,
    value:
      fromEnv.properties['value.converter'] !== undefined ? 'environment' : worker.converters.value,
  } as const;
  return {
    properties,
    writtenAs: { ...worker.writtenAs, ...fromEnv.variables },
    notes: { info: [describeConverters(properties, converters)], warnings: worker.warnings },
  };
}

/**
 * What the standalone service logs once at startup about where its settings came from: the
 * converters in force (and whether the worker or the connector file set them), and worker
 * settings that have no effect here.
 *
 * @throws ConfigValidationError when a file cannot be read or parsed.
 */
export function loadStartupNotes(sources: ConnectPropertiesSources = {}): {
  info: string[];
  warnings: string[];
} {
  return load(sources).notes;
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
  return optionsFromConnectProperties(properties, { writtenAs, env: sources.env });
}
