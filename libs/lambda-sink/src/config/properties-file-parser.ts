import { getProperties } from 'properties-file';
import * as m from './config-messages';
import {
  configProblem,
  ConfigValidationError,
  type ConfigProblem,
} from './config-validation-error';
import { HIDDEN } from './secret-properties';

/** One property as written in the file: its lines, and the number of the first. */
interface PropertyEntry {
  readonly firstLine: number;
  readonly lines: readonly string[];
}

// `\u` not escaped itself (an even run of backslashes before it) and not followed by 4 hex digits.
const MALFORMED_UNICODE_ESCAPE = /(^|[^\\])(\\\\)*\\u(?![0-9a-fA-F]{4})/;

/**
 * The properties of a Java `.properties` text.
 *
 * @throws ConfigValidationError naming each property (and line) whose escapes are malformed. The
 *   parser's own error quotes the characters after `\u`, which may be part of a password.
 */
export function parsePropertiesFile(path: string, content: string): Record<string, string> {
  try {
    return getProperties(content);
  } catch {
    // Parse again entry by entry, on this error path only, to name every bad property at once.
    const problems = propertyEntries(content)
      .map((entry) => entryProblem(path, entry))
      .filter((problem) => problem !== undefined);
    if (problems.length === 0) problems.push(configProblem('config file', path, m.unparseable()));
    throw new ConfigValidationError(problems);
  }
}

function entryProblem(path: string, entry: PropertyEntry): ConfigProblem | undefined {
  try {
    getProperties(entry.lines.join('\n'));
    return undefined;
  } catch {
    const offset = entry.lines.findIndex((line) => MALFORMED_UNICODE_ESCAPE.test(line));
    const line = entry.firstLine + Math.max(offset, 0);
    // No character of the value is shown, for any property: a value that does not parse cannot
    // be told apart from a secret reliably.
    return {
      property: keyOf(entry.lines[0]),
      value: HIDDEN,
      message: m.malformedUnicodeEscape(line, path),
    };
  }
}

/**
 * The file's properties with the lines each spans, the way the format reads them: comment and
 * blank lines stand alone; a line ending in an odd number of backslashes continues on the next.
 */
function propertyEntries(content: string): PropertyEntry[] {
  const lines = content.split(/\r\n|\r|\n/);
  const entries: PropertyEntry[] = [];
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index].trimStart();
    if (text === '' || text.startsWith('#') || text.startsWith('!')) continue;
    const entry = { firstLine: index + 1, lines: [lines[index]] };
    while (continues(lines[index]) && index + 1 < lines.length) entry.lines.push(lines[++index]);
    entries.push(entry);
  }
  return entries;
}

function continues(line: string): boolean {
  const trailing = /\\*$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

/** The key on a property's first line: up to the first separator not escaped, unescaped if it can be. */
function keyOf(line: string): string {
  const text = line.trimStart();
  let end = 0;
  while (end < text.length && !/[=:\s]/.test(text[end])) end += text[end] === '\\' ? 2 : 1;
  const raw = text.slice(0, end);
  try {
    return Object.keys(getProperties(`${raw}=`))[0] ?? raw;
  } catch {
    return raw;
  }
}
