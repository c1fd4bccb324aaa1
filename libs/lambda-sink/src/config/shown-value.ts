// Enough to recognise a value; a problem must stay a readable line even for a value of
// megabytes (someone pasted a file, or probes the service with one).
const SHOWN_CHARS = 80;

/** A value as problems quote it: JSON-quoted, cut after 80 characters with its full length. */
export function quoteValue(value: string): string {
  if (value.length <= SHOWN_CHARS) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, SHOWN_CHARS))}…(${value.length} chars)`;
}
