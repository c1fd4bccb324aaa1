/**
 * What a failed reporter write means (the reporter's counterpart of the invoke error
 * classifier): everything the sink decides about a refused write starts here.
 *
 * - `too-large`: the broker refused the request's record batch as larger than the topic takes;
 *   fewer records per request may pass, and a single record that still fails is `rejected`;
 * - `rejected`: the broker refused a record for good; sending it again cannot succeed;
 * - `unavailable`: anything else — broker down, leader moving, timeouts, even errors kafkajs
 *   calls non-retriable once its own retries ran out. Waiting can fix these.
 */
export type ReporterErrorClass = 'too-large' | 'rejected' | 'unavailable';

const TOO_LARGE_TYPES = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);
const REJECTED_TYPES = new Set(['INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TIMESTAMP']);

export function classifyReporterError(error: unknown): ReporterErrorClass {
  // kafkajs' protocol errors carry the broker's error `type`; the reporter and kafkajs' own
  // retrier wrap them, so the whole cause chain is searched.
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e);) {
    seen.add(e);
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string') {
      if (TOO_LARGE_TYPES.has(type)) return 'too-large';
      if (REJECTED_TYPES.has(type)) return 'rejected';
    }
    e = (e as { cause?: unknown }).cause;
  }
  return 'unavailable';
}
