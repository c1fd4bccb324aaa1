import type { FunctionErrorKind } from '../functions/handler-runner';

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

/**
 * One Invoke request as Lambda Local received and answered it. The payload is kept as the
 * raw string only (one compact copy; benchmarks record hundreds of thousands of these) and
 * `event` parses it on each read, so what a test sees is exactly what arrived, untouched
 * by whatever the handler did to its own copy.
 */
export class InvocationRecord {
  /** When the answer was written (for Event: the 202). Unset while hung. */
  respondedAt?: number;
  /** For Event: when the handler finished in the background. */
  completedAt?: number;
  /** HTTP status sent; unset for a call that hung. */
  statusCode?: number;
  /** The `x-amzn-ErrorType` of a service error answer (404, 429, 5xx…). */
  errorType?: string;
  /** `X-Amz-Function-Error` (for Event: what the background run ended with). */
  functionError?: FunctionErrorKind;
  /** The version that ran (`$LATEST`, a version number). Unset when none resolved. */
  executedVersion?: string;
  /** The call met the `hang` fault. */
  hung?: boolean;

  constructor(
    readonly requestId: string,
    /** The base function name, whatever form (ARN, name:alias) the request used. */
    readonly functionName: string,
    /** The version or alias asked for, from the name or the `Qualifier` parameter. */
    readonly qualifier: string | undefined,
    readonly invocationType: InvocationType,
    /** The raw request body; undefined when `recordPayloads` is off or it was too large. */
    readonly payload: string | undefined,
    readonly payloadBytes: number,
    readonly receivedAt: number,
  ) {}

  /** The payload parsed (an empty body is `{}`, as Lambda delivers it); undefined if unrecorded. */
  get event(): unknown {
    if (this.payload === undefined) return undefined;
    if (this.payload === '') return {};
    try {
      return JSON.parse(this.payload) as unknown;
    } catch {
      return undefined;
    }
  }

  toJSON() {
    const { event } = this;
    return { ...this, event };
  }
}
