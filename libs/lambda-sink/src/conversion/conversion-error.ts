import { SinkError, type SinkErrorContext } from '../errors/sink-error';

/** Which part of a record a converter failed on; decides the Connect error stage. */
export type RecordPart = 'key' | 'value';

export interface ConversionErrorContext extends SinkErrorContext {
  /** Set once the failure is tied to a record (by `convertRecord`). */
  readonly part?: RecordPart;
  /** The Connect class of the converter that failed. */
  readonly converterClass: string;
}

/**
 * A key or value the configured converter cannot read. Never retryable: the same bytes fail
 * the same way, so `errors.tolerance` decides whether the sink stops or skips the record.
 */
export class ConversionError extends SinkError {
  readonly code = 'CONVERSION_FAILED';
  readonly retryable = false;
  declare readonly context: ConversionErrorContext;

  constructor(message: string, context: ConversionErrorContext, options?: { cause?: unknown }) {
    super(message, context, options);
  }
}
