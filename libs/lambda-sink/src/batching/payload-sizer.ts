import type { InvocationType } from '../config/lambda-sink-options';

/** Lambda's request payload limit for `RequestResponse` invocations: 6 MB. */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6_291_456;
/** Lambda's request payload limit for `Event` invocations: 1 MB (raised from 256 KB in 2025). */
export const ASYNC_PAYLOAD_LIMIT_BYTES = 1_048_576;

/** `[` and `]` around the elements. */
const ARRAY_BRACKETS_BYTES = 2;

/**
 * The text around a batch's elements (joined by `,`): `[` `]` for the Confluent format, the
 * event's other fields for AWS's ESM event. `bytes` is the UTF-8 size of `open` and `close`.
 */
export interface PayloadFrame {
  open: string;
  close: string;
  bytes: number;
}

/** The Confluent connector's payload: a JSON array of elements. */
export const ARRAY_FRAME: PayloadFrame = { open: '[', close: ']', bytes: ARRAY_BRACKETS_BYTES };
/** The `,` between two elements. */
const SEPARATOR_BYTES = 1;

export function payloadLimitBytes(invocationType: InvocationType): number {
  return invocationType === 'async' ? ASYNC_PAYLOAD_LIMIT_BYTES : SYNC_PAYLOAD_LIMIT_BYTES;
}

/** One payload element serialized once: the JSON is reused when the batch is sent. */
export interface SerializedElement {
  json: string;
  /** UTF-8 length of `json`, which is what counts against Lambda's limit. */
  bytes: number;
}

export function elementBytes(element: unknown): SerializedElement {
  const json = JSON.stringify(element);
  return { json, bytes: Buffer.byteLength(json, 'utf8') };
}

const COMMA = 0x2c;

/**
 * The request body as UTF-8 bytes: the elements' JSON, comma-separated, inside `frame` (a JSON
 * array by default), byte-for-byte what `PayloadSizer` or the batch planner measured (`bytes` is
 * that size). Written straight into one buffer outside V8's heap: a joined string of the same
 * size lived through the invocation and was copied by every young-generation GC it met, and was
 * then encoded to bytes anyway.
 */
export function serializeBatch(
  elements: readonly SerializedElement[],
  bytes?: number,
  frame: PayloadFrame = ARRAY_FRAME,
): Buffer {
  const size =
    bytes ??
    elements.reduce((sum, e, i) => sum + e.bytes + (i > 0 ? SEPARATOR_BYTES : 0), frame.bytes);
  // Its own memory, not a slice of Node's shared pool, so it is freed with the batch.
  const body = Buffer.allocUnsafeSlow(size);
  let at = body.write(frame.open, 0, 'utf8');
  for (let i = 0; i < elements.length; i++) {
    if (i > 0) body[at++] = COMMA;
    at += body.write(elements[i].json, at, 'utf8');
  }
  at += body.write(frame.close, at, 'utf8');
  if (at !== size) throw new Error(`batch serialized to ${at} bytes, measured ${size}`);
  return body;
}

/**
 * Whether a record fits in a batch on its own. One that does not can never be sent and is a
 * data error for `behavior.on.error`, not something to retry.
 */
export function fitsAlone(elementBytes: number, limitBytes: number): boolean {
  return ARRAY_BRACKETS_BYTES + elementBytes <= limitBytes;
}

/**
 * Tracks the serialized size of a batch as elements are added, so the batcher can cut the
 * batch before it passes the Lambda limit without serializing the whole batch each time.
 */
export class PayloadSizer {
  private total = ARRAY_BRACKETS_BYTES;
  private elements = 0;

  constructor(readonly limitBytes: number) {}

  /** Bytes of the batch so far, brackets and commas included (`[]` when empty). */
  get bytes(): number {
    return this.total;
  }

  get count(): number {
    return this.elements;
  }

  /** Bytes the batch would have after adding an element of `elementBytes`. */
  bytesWith(elementBytes: number): number {
    return this.total + elementBytes + (this.elements > 0 ? SEPARATOR_BYTES : 0);
  }

  /** Whether an element of `elementBytes` can join without the batch passing the limit. */
  fits(elementBytes: number): boolean {
    return this.bytesWith(elementBytes) <= this.limitBytes;
  }

  add(elementBytes: number): void {
    this.total = this.bytesWith(elementBytes);
    this.elements++;
  }

  reset(): void {
    this.total = ARRAY_BRACKETS_BYTES;
    this.elements = 0;
  }
}
