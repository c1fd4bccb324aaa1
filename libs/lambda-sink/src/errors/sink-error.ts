/**
 * Base of every error the sink raises on purpose. `code` is stable (tests, metrics and the
 * status API use it); `retryable` says whether trying the same thing again can succeed;
 * `context` carries the coordinates (topic, partition, offset, function) and never a secret.
 */
export interface SinkErrorContext {
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: string;
  readonly functionName?: string;
  readonly [key: string]: unknown;
}

export abstract class SinkError extends Error {
  abstract readonly code: string;
  abstract readonly retryable: boolean;

  constructor(
    message: string,
    readonly context: SinkErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
