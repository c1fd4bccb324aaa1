/**
 * The deepest nesting a JSON document may have: Jackson's default
 * (`StreamReadConstraints.DEFAULT_MAX_DEPTH`), which Connect's JsonConverter parses with, so a
 * record Connect would refuse is refused here too. It also keeps every later step safe:
 * `JSON.stringify` and the payload builder recurse once per level and overflow the stack a few
 * thousand levels down, at a depth that depends on how deep the caller already is.
 */
export const MAX_JSON_NESTING_DEPTH = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/**
 * The nesting depth a JSON text reaches, counted up to `limit + 1` (enough to say it is over)
 * without parsing it: one pass over the bytes, skipping strings. UTF-8 never uses bytes below
 * 0x80 inside a multi-byte character, so brackets and quotes can be matched byte by byte.
 * Malformed text is counted as far as it goes; the parser reports what is wrong with it.
 * A decoded string is scanned the same way: brackets, quotes and backslashes are single UTF-16
 * code units, and no surrogate half equals one.
 */
export function jsonNestingDepth(
  bytes: Uint8Array | string,
  limit = MAX_JSON_NESTING_DEPTH,
): number {
  const text = typeof bytes === 'string' ? bytes : undefined;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = text === undefined ? (bytes as Uint8Array)[i] : text.charCodeAt(i);
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACKET || b === OPEN_BRACE) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (b === CLOSE_BRACKET || b === CLOSE_BRACE) {
      depth--;
    }
  }
  return deepest;
}
