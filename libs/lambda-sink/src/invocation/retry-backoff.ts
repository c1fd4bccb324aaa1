/**
 * Exponential backoff with "equal jitter": the wait doubles per attempt up to a ceiling, and
 * half of it is random so that many partitions throttled at once do not retry in lockstep
 * (which would re-create the throttling storm they are backing off from).
 */
export function backoffDelayMs(
  retryNumber: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, retryNumber - 1));
  return exponential / 2 + random() * (exponential / 2);
}

/** Resolves after `ms`, or rejects at once with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
