import { SinkError } from '../../errors/sink-error';

/**
 * No registry answered (network error, timeout, 5xx, 429, or it refused our credentials).
 * Retryable: the records are fine and are read once the registry is back; none is skipped.
 */
export class SchemaRegistryUnavailableError extends SinkError {
  readonly code = 'SCHEMA_REGISTRY_UNAVAILABLE';
  readonly retryable = true;
}

/**
 * The registry answered, but not with a schema this converter can use (unknown id, a schema of
 * another type, one that does not parse). Not retryable: the record is a data error, left to
 * `errors.tolerance`.
 */
export class SchemaUnusableError extends SinkError {
  readonly code = 'SCHEMA_UNUSABLE';
  readonly retryable = false;
}
