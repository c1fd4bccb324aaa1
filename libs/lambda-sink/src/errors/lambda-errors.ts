import { SinkError, type SinkErrorContext } from './sink-error';

/** Throttling, 5xx, network errors and timeouts that outlived every retry. */
export class LambdaTransientError extends SinkError {
  readonly code = 'LAMBDA_TRANSIENT';
  readonly retryable = true;
}

/** Function missing, access denied, bad credentials: retrying cannot help; the sink stops. */
export class LambdaConfigurationError extends SinkError {
  readonly code = 'LAMBDA_CONFIGURATION';
  readonly retryable = false;
}

/** The function ran and failed (HTTP 200 with X-Amz-Function-Error). */
export class LambdaFunctionError extends SinkError {
  readonly code = 'LAMBDA_FUNCTION_ERROR';
  readonly retryable = false;

  constructor(
    message: string,
    /** `Handled` or `Unhandled`, as Lambda reports it. */
    readonly functionErrorType: string,
    context: SinkErrorContext,
  ) {
    super(message, context);
  }
}

/** A request over Lambda's payload limit: a data error, handled by behavior.on.error. */
export class PayloadTooLargeError extends SinkError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly retryable = false;
}

/** The result/error/DLQ producer could not get its records acknowledged. */
export class ReporterError extends SinkError {
  readonly code = 'REPORTER_FAILED';
  readonly retryable = true;
}

/**
 * The reporter's cluster refused a record for good (larger than the topic accepts, invalid):
 * sending it again cannot succeed, and going on without it would lose a result or error record.
 */
export class ReporterRejectedError extends SinkError {
  readonly code: string = 'REPORTER_REJECTED';
  readonly retryable = false;
}

/**
 * The sink could not encode a result, error or DLQ record for the reporter's producer: nothing
 * was sent, and the same record fails the same way on every attempt, so it is a rejection for
 * good (handled as one), never the reporter's broker being away.
 */
export class ReporterEncodingError extends ReporterRejectedError {
  override readonly code = 'REPORTER_ENCODING_FAILED';
}

/** Startup checks (GetFunction, DryRun, topic creation) failed. */
export class StartupValidationError extends SinkError {
  readonly code = 'STARTUP_VALIDATION_FAILED';
  readonly retryable = false;
}

/**
 * The function answered, and its partial batch response named these records as failed
 * (`aws.lambda.response.partial.batch=true`): a function error of those records only.
 */
export class BatchItemFailureError extends SinkError {
  readonly code = 'LAMBDA_BATCH_ITEM_FAILURE';
  readonly retryable = false;
}

/**
 * A partial batch response that cannot be read (not an object, a list that is not one, an
 * identifier naming no record of the batch): a function error of the whole batch, never taken
 * for a success.
 */
export class MalformedBatchResponseError extends SinkError {
  readonly code = 'LAMBDA_BATCH_RESPONSE_INVALID';
  readonly retryable = false;
}

/** A record older than `aws.lambda.max.record.age.ms` when it was about to be invoked. */
export class RecordExpiredError extends SinkError {
  readonly code = 'RECORD_EXPIRED';
  readonly retryable = false;
}
