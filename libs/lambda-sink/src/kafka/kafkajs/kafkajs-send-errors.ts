import type { SendFailure } from '../producer.port';

/**
 * What a failed kafkajs produce means (see SendFailure in the producer port): everything the
 * sink decides about a refused write starts here.
 *
 * - `too-large`: the broker refused the request's record batch as larger than the topic takes;
 *   fewer records per request may pass, and a single record that still fails is `rejected`;
 * - `rejected`: the broker refused a record for good; sending it again cannot succeed;
 * - `unencodable`: the write failed here, before any request left: Node refused the bytes or
 *   strings kafkajs' encoder handed it (a TypeError or RangeError with Node's `ERR_*` code, such
 *   as a null header value). The same records fail the same way on every attempt, so this is
 *   never a broker being away;
 * - `unavailable`: anything else — broker down, leader moving, timeouts, even errors kafkajs
 *   calls non-retriable once its own retries ran out. Waiting can fix these.
 */
export type SendErrorClass = 'too-large' | 'rejected' | 'unencodable' | 'unavailable';

const TOO_LARGE_TYPES = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);
const REJECTED_TYPES = new Set(['INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TIMESTAMP']);

export function classifySendError(error: unknown): SendErrorClass {
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
    const cause = (e as { cause?: unknown }).cause;
    // Only the innermost error says where it came from: kafkajs reports network and broker
    // trouble with its own KafkaJS* errors, while the encoder's failures reach the reporter as
    // the bare built-in errors, wrapped at most by the reporter itself.
    if (!cause && isLocalEncodingError(e)) return 'unencodable';
    e = cause;
  }
  return 'unavailable';
}

/**
 * Node's argument checks throw TypeErrors and RangeErrors with an `ERR_*` code. A bare TypeError
 * without one is a bug somewhere, possibly in kafkajs' handling of a broker that went away, where
 * waiting does help, so only the coded ones count as the records' fault.
 */
function isLocalEncodingError(error: object): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    (error instanceof TypeError || error instanceof RangeError) &&
    typeof code === 'string' &&
    code.startsWith('ERR_')
  );
}

/**
 * The innermost error of a failed write, described by its class and Node's error code only:
 * an encoder's message may quote part of a record (`Received type string ('…')`).
 */
export function describeEncodingFailure(error: unknown): string {
  let e = error;
  for (const seen = new Set<unknown>(); !seen.has(e);) {
    seen.add(e);
    const cause = (e as { cause?: unknown } | undefined)?.cause;
    if (!cause) break;
    e = cause;
  }
  const name = e instanceof Error ? e.name : typeof e;
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${name} ${code}` : name;
}

/** The producer port's reading of a failed kafkajs `send`. */
export function sendFailureOf(error: unknown): SendFailure {
  const kind = classifySendError(error);
  return kind === 'unencodable' ? { kind, what: describeEncodingFailure(error) } : { kind };
}
