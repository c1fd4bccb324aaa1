import type { InvocationType } from '../config/lambda-sink-options';
import type { ConversionError } from '../conversion/conversion-error';
import type { KafkaRecord } from '../conversion/kafka-record';
import { ERROR_HEADERS, TASK_ID, type ErrorStage } from './error-headers';
import { producibleHeaders, type ProducibleHeaders } from './reporter-headers';
import type { ReporterMessage } from './reporter-message';

/** The Lambda side of a failure; absent for conversion errors, which never reach Lambda. */
export interface LambdaFailureContext {
  functionName: string;
  invocationType: InvocationType;
  /** `Handled` / `Unhandled` (X-Amz-Function-Error), or the sink's own, e.g. `PAYLOAD_TOO_LARGE`. */
  errorType: string;
}

export interface ErrorRecordInput {
  /** The record as consumed: its key, value and headers are written back unchanged. */
  record: KafkaRecord;
  connectorName: string;
  stage: ErrorStage;
  /** The class that was running when the record failed: a converter's Connect class, or the sink task. */
  className: string;
  error: unknown;
  lambda?: LambdaFailureContext;
  /**
   * Add the context headers. The error topic always does; the dead letter queue only with
   * `errors.deadletterqueue.context.headers.enable`, and otherwise holds the bare record, as in Connect.
   */
  contextHeaders: boolean;
}

/**
 * One error-topic or dead-letter-queue record for one failed input record: the original key,
 * value and headers, plus where and why it failed. Built only from the record and the error,
 * so no configuration (and so no secret) can leak into it.
 */
export function buildErrorRecord(input: ErrorRecordInput): ReporterMessage {
  const { record } = input;
  if (!input.contextHeaders) {
    return { key: record.key, value: record.value, headers: producibleHeaders(record.headers) };
  }
  // Copied, never mutated: the original headers still belong to the consumed record. A context
  // header the record already carried (it went through a DLQ before) is replaced rather than
  // repeated, so readers see this failure's context only.
  const headers: ProducibleHeaders = {
    ...producibleHeaders(record.headers),
    [ERROR_HEADERS.topic]: record.topic,
    [ERROR_HEADERS.partition]: String(record.partition),
    [ERROR_HEADERS.offset]: record.offset,
    [ERROR_HEADERS.connectorName]: input.connectorName,
    [ERROR_HEADERS.taskId]: TASK_ID,
    [ERROR_HEADERS.stage]: input.stage,
    [ERROR_HEADERS.className]: input.className,
    [ERROR_HEADERS.exceptionClassName]: exceptionClassName(input.error),
    [ERROR_HEADERS.exceptionMessage]: exceptionMessage(input.error),
  };
  if (input.lambda) {
    headers[ERROR_HEADERS.lambdaFunctionName] = input.lambda.functionName;
    headers[ERROR_HEADERS.lambdaInvocationType] = input.lambda.invocationType;
    headers[ERROR_HEADERS.lambdaErrorType] = input.lambda.errorType;
  }
  return { key: record.key, value: record.value, headers };
}

/** The dead-letter-queue record for a record the converters could not read or the payload not hold. */
export function buildConversionErrorRecord(
  record: KafkaRecord,
  error: ConversionError,
  connectorName: string,
  contextHeaders: boolean,
): ReporterMessage {
  return buildErrorRecord({
    record,
    connectorName,
    stage: conversionStage(error),
    className: error.context.converterClass,
    error,
    contextHeaders,
  });
}

/** The converter that failed, or the sink's put() when the record was read but fits no payload. */
function conversionStage(error: ConversionError): ErrorStage {
  switch (error.context.part) {
    case 'key':
      return 'KEY_CONVERTER';
    case 'value':
      return 'VALUE_CONVERTER';
    case 'transformation':
      return 'TRANSFORMATION';
    default:
      return 'TASK_PUT';
  }
}

function exceptionClassName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function exceptionMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
