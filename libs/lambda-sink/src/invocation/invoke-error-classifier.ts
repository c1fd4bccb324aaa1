/**
 * The one place that decides what an error from the Lambda SDK means (STYLE: one policy,
 * one place). Everything else asks `classifyInvokeError` and never inspects SDK errors itself.
 */
export type InvokeErrorClass = 'transient' | 'configuration' | 'data';

const TRANSIENT_NAMES = new Set([
  'TooManyRequestsException',
  'ServiceException',
  'EC2ThrottledException',
  'ResourceNotReadyException',
  'ResourceConflictException',
  'ThrottlingException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  // An invoke thread died with the call in flight (see threaded-invoke-transport.ts).
  'InvokeThreadExit',
]);

const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);

/** Lambda saying "too many calls at once" (reserved, account or burst concurrency, or rate). */
const THROTTLING_NAMES = new Set(['TooManyRequestsException', 'ThrottlingException']);

const DATA_NAMES = new Set(['RequestTooLargeException', 'InvalidRequestContentException']);

/** The fields of an SDK error that the sink reads (here and when it crosses threads). */
export interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export function classifyInvokeError(error: unknown): InvokeErrorClass {
  const e = (error ?? {}) as SdkLikeError;
  const status = e.$metadata?.httpStatusCode;
  if (e.name && DATA_NAMES.has(e.name)) return 'data';
  if (status === 413) return 'data';
  if (e.name && TRANSIENT_NAMES.has(e.name)) return 'transient';
  if (e.code && TRANSIENT_NETWORK_CODES.has(e.code)) return 'transient';
  if (status === 429 || (status !== undefined && status >= 500)) return 'transient';
  if (
    status === undefined &&
    /socket hang up|timed? ?out|ECONNRESET|ECONNREFUSED/i.test(e.message ?? '')
  ) {
    return 'transient';
  }
  // 4xx other than the above (404 not found, 403 denied, 401/400 bad credentials or signature)
  // and credential-provider failures: retrying the same request cannot succeed.
  return 'configuration';
}

/**
 * A transient error that means Lambda refused the call for concurrency or rate (429): what the
 * adaptive in-flight limit answers by sending fewer calls at once. Other transient errors
 * (5xx, network) say nothing about how many calls the function may run.
 */
export function isThrottling(error: unknown): boolean {
  const e = (error ?? {}) as SdkLikeError;
  return (
    (e.name !== undefined && THROTTLING_NAMES.has(e.name)) || e.$metadata?.httpStatusCode === 429
  );
}
