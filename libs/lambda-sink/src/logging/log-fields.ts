/** Where a log line is about: the coordinates an operator filters and alerts on. */
export interface LogFields {
  topic?: string;
  partition?: number;
  /** An offset or a range, `12` or `12-31`. */
  offsets?: string;
  /** The Lambda function. */
  function?: string;
}

/**
 * A log line whose coordinates are fields of the JSON line (pino, through nestjs-pino, merges an
 * object message into the line, `msg` included), not only words inside the message. Read as a
 * string (Nest's console logger, log captures in tests) it is just the text.
 */
export function withFields(text: string, fields: LogFields): Record<string, unknown> {
  const line: Record<string, unknown> = { msg: text };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) line[key] = value;
  Object.defineProperty(line, 'toString', { value: () => text, enumerable: false });
  return line;
}
