/**
 * Errors Lambda Local raises to its own caller (bad options, bad handler modules, bad
 * faults). They never reach an HTTP client as such: the API answers with the AWS error
 * shapes of `api/lambda-api.error.ts` instead. None is retryable: each one means the
 * input has to change.
 */
export abstract class LambdaLocalError extends Error {
  abstract readonly code: string;
  readonly retryable = false;

  constructor(
    message: string,
    /** Every problem found, so a caller fixes them all in one go. */
    readonly problems: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(problems.length > 0 ? `${message}\n  - ${problems.join('\n  - ')}` : message, options);
    this.name = new.target.name;
  }
}

/** A fault set (in process or over `PUT /_local/functions/{name}/faults`) is malformed. */
export class InvalidFaultsError extends LambdaLocalError {
  readonly code = 'LAMBDA_LOCAL_INVALID_FAULTS';
}

/** A handler module in `functionsDir` could not be loaded or exports no handler. */
export class HandlerLoadError extends LambdaLocalError {
  readonly code = 'LAMBDA_LOCAL_HANDLER_LOAD_FAILED';
}

/** A function registration is malformed (name, versions, aliases, limits). */
export class InvalidFunctionError extends LambdaLocalError {
  readonly code = 'LAMBDA_LOCAL_INVALID_FUNCTION';
}
