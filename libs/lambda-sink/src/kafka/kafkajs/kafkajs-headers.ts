import type { FetchedBatch, HeaderValue } from '../group-consumer.port';

/** What a fresh object literal answers for each name Object.prototype defines. */
const EMPTY: Record<string, unknown> = {};
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Undoes a kafkajs 2.2.4 decoding slip. It folds a record's headers into an object with
 * `obj[key] === undefined ? value : [obj[key], value]`; for a header named like a member of
 * Object.prototype (`constructor`, `toString`, `__proto__` …) `obj[key]` is that inherited
 * member, so the header arrives as `[Object, <value>]`: the function would reach the payload as
 * an extra header `"function Object() { [native code] }"` and the reporter could not write the
 * record at all (kafkajs cannot encode a function as a header value). The stray first element
 * is dropped here, in place, before anything reads the headers.
 */
export function repairInheritedHeaderNames(batch: FetchedBatch): FetchedBatch {
  for (const message of batch.messages) {
    const headers = message.headers;
    if (headers === undefined) continue;
    for (const name in headers) {
      if (!INHERITED_NAMES.has(name)) continue;
      const value = headers[name];
      if (!Array.isArray(value) || value[0] !== EMPTY[name]) continue;
      const own: HeaderValue = value.length === 2 ? value[1] : value.slice(1);
      // defineProperty, not assignment: assigning `__proto__` would replace the prototype.
      Object.defineProperty(headers, name, {
        value: own,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return batch;
}
