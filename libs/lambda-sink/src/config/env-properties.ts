import { KNOWN_PROPERTY_NAMES } from './lambda-sink-properties';

export const ENV_PREFIX = 'LAMBDA_SINK_';
/** Names the configuration file, like `--config`. Not a property. */
export const CONFIG_FILE_ENV = 'LAMBDA_SINK_CONFIG';
/** Names the Connect worker file, like `--worker`. Not a property. */
export const WORKER_FILE_ENV = 'LAMBDA_SINK_WORKER_CONFIG';
const NOT_PROPERTIES = new Set([CONFIG_FILE_ENV, WORKER_FILE_ENV]);

/** `aws.lambda.function.name` → `LAMBDA_SINK_AWS_LAMBDA_FUNCTION_NAME`. */
export function envVarName(property: string): string {
  return ENV_PREFIX + property.toUpperCase().replace(/[.-]/g, '_');
}

// `_` stands for `.` but property names may not be recoverable from it in general, so known
// names are matched exactly; anything else is guessed as lower case with dots.
const KNOWN_BY_ENV_NAME = new Map(KNOWN_PROPERTY_NAMES.map((name) => [envVarName(name), name]));

export interface EnvProperties {
  properties: Record<string, string>;
  /** Property → the variable it came from, so problems name what the user actually set. */
  variables: Record<string, string>;
}

/** The properties set through `LAMBDA_SINK_*` variables. */
export function propertiesFromEnv(env: NodeJS.ProcessEnv): EnvProperties {
  const properties: Record<string, string> = {};
  const variables: Record<string, string> = {};
  for (const [variable, value] of Object.entries(env)) {
    if (!variable.startsWith(ENV_PREFIX) || NOT_PROPERTIES.has(variable) || value === undefined) {
      continue;
    }
    const name =
      KNOWN_BY_ENV_NAME.get(variable) ??
      variable.slice(ENV_PREFIX.length).toLowerCase().replace(/_/g, '.');
    properties[name] = value;
    variables[name] = variable;
  }
  return { properties, variables };
}
