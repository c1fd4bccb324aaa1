import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describeJsonSyntaxError } from '../errors/json-syntax';
import * as m from './config-messages';
import {
  configProblem,
  ConfigValidationError,
  type ConfigProblem,
} from './config-validation-error';
import { parsePropertiesFile } from './properties-file-parser';

const FILE = 'config file';
// What `GET /connectors/{name}` returns, so its output can be saved and used as is.
const REST_KEYS = new Set(['name', 'config', 'tasks', 'type']);

/**
 * The properties in a Connect-style file: a Java `.properties` file, or a Connect REST JSON file,
 * either `{"name": …, "config": {…}}` or a flat object of properties.
 *
 * @throws ConfigValidationError when the file cannot be read or is not such a file.
 */
export function readConfigFile(path: string): Record<string, string> {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileError(path, m.configFileUnreadable((error as Error).message));
  }
  const json = extname(path).toLowerCase() === '.json' || content.trimStart().startsWith('{');
  return json ? propertiesFromJson(path, content) : parsePropertiesFile(path, content);
}

function propertiesFromJson(path: string, content: string): Record<string, string> {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    throw fileError(path, m.configFileInvalidJson(describeJsonSyntaxError(error, content)));
  }
  if (!isObject(document)) throw fileError(path, m.configFileNotObject());

  const rest =
    isObject(document.config) && Object.keys(document).every((key) => REST_KEYS.has(key));
  const problems: ConfigProblem[] = [];
  const properties = flatten(
    rest ? (document.config as Record<string, unknown>) : document,
    problems,
  );
  if (rest && typeof document.name === 'string') {
    // Connect's REST API refuses a body whose two names differ; so do we, rather than guess.
    if (properties.name !== undefined && properties.name !== document.name) {
      problems.push(configProblem('name', properties.name, m.restNameMismatch(document.name)));
    }
    properties.name = document.name;
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return properties;
}

/** JSON values as property strings: Connect's REST API takes strings, people write 50 and true. */
function flatten(
  config: Record<string, unknown>,
  problems: ConfigProblem[],
): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(config)) {
    if (value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    if (items.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
      properties[name] = items.map(String).join(',');
    } else {
      problems.push(configProblem(name, undefined, m.jsonValueNotScalar()));
    }
  }
  return properties;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fileError(path: string, message: string): ConfigValidationError {
  return new ConfigValidationError([configProblem(FILE, path, message)]);
}
