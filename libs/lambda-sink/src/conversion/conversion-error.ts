import { SinkError, type SinkErrorContext } from '../errors/sink-error';

/** Which part of a record a converter failed on, or a transform; decides the Connect error stage. */
export type RecordPart = 'key' | 'value' | 'transformation';

export interface ConversionErrorContext extends SinkErrorContext {
  /**
   * Set once the failure is tied to a record part (by `convertRecord`); unset when the record
   * was read but could not be written into the payload.
   */
  readonly part?: RecordPart;
  /** The Connect class that failed: the converter's, or the sink's own for the payload. */
  readonly converterClass: string;
}

/**
 * A key or value the configured converter cannot read, or a record that cannot be written into
 * a Lambda payload. Never retryable: the same bytes fail
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
