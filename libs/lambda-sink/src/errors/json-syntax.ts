/**
 * What is wrong with a JSON text and where, without any of the text itself. V8's `JSON.parse`
 * messages quote the text around the problem (`Unexpected token 's', "ssn=123-45"... is not
 * valid JSON`); the text may be a secret in a config file or a person's data in a record, and
 * these messages reach logs, the status API and the unauthenticated readiness answer.
 *
 * @returns e.g. `unexpected token at line 1, column 1`
 */
export function describeJsonSyntaxError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset =
    position !== undefined
      ? Number(position)
      : message.startsWith('Unexpected end')
        ? text.length
        : unexpectedTokenOffset(message, text);
  const what = problemOf(message);
  return offset === undefined ? what : `${what} at ${lineAndColumn(text, offset)}`;
}

/**
 * V8's own wording up to the first thing it quotes from the text (a `"` always starts a quote
 * of the text; the offending character itself is quoted as `'x'`), and without its position.
 */
function problemOf(message: string): string {
  if (message.startsWith('Unexpected token') || message.includes('is not valid JSON'))
    return 'unexpected token';
  const what = message
    .replace(/\s*(in JSON\s*)?at position \d+.*$/s, '')
    .replace(/\s*"[\s\S]*$/, '')
    .replace(/[\s,:;]+$/, '');
  return what === '' ? 'invalid JSON' : what;
}

/**
 * Where V8 stopped when its message gives no position (the unexpected-token family). Parsing
 * stops at the first character that cannot continue the text, so a prefix fails the same way
 * exactly when it holds that character; a shorter one fails only for ending early (or parses).
 * A binary search over prefix lengths finds it in log₂(n) parses, on the error path only.
 */
function unexpectedTokenOffset(message: string, text: string): number | undefined {
  if (!message.includes('is not valid JSON')) return undefined;
  const holdsTheToken = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      return (error as Error).message.includes('is not valid JSON');
    }
  };
  if (!holdsTheToken(text.length)) return undefined;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (holdsTheToken(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

function lineAndColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  return `line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1}`;
}
