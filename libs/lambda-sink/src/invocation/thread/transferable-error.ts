import type { SdkLikeError } from '../invoke-error-classifier';

/**
 * An error as it crosses from an invoke thread to the event loop: only what
 * `classifyInvokeError` and the messages read (name, code, message, HTTP status). Errors do not
 * survive `postMessage` with their own fields, so they travel as this and are rebuilt.
 */
export interface TransferableError {
  name: string;
  message: string;
  code?: string;
  httpStatusCode?: number;
}

export function toTransferableError(error: unknown): TransferableError {
  // Typed as the SDK's fields, checked one by one: anything can be thrown.
  const e = (error ?? {}) as SdkLikeError;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : String(error),
    code: typeof e.code === 'string' ? e.code : undefined,
    httpStatusCode:
      typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined,
  };
}

/** An `Error` with the SDK's field names, so it is classified and described like the original. */
export function fromTransferableError(t: TransferableError): Error {
  const error = new Error(t.message) as Error & {
    code?: string;
    $metadata?: { httpStatusCode?: number };
  };
  error.name = t.name;
  if (t.code !== undefined) error.code = t.code;
  if (t.httpStatusCode !== undefined) error.$metadata = { httpStatusCode: t.httpStatusCode };
  return error;
}
