import { SinkError } from '../errors/sink-error';
import { configInvalid } from './config-messages';
import { HIDDEN, isSecretProperty, maskValue } from './secret-properties';
import { quoteValue } from './shown-value';

/** One thing wrong with the configuration. */
export interface ConfigProblem {
  /** The property as the user wrote it: a Connect name, an alias such as `confluent.topic.*`, or a typed option path. */
  readonly property: string;
  /**
   * The value it got as shown to people: quoted and cut after 80 characters, `[hidden]` for a
   * secret, undefined when not set.
   */
  readonly value?: string;
  /** What the property must be. */
  readonly message: string;
}

/** Builds a problem, masking the value when either name marks it as a secret. */
export function configProblem(
  property: string,
  value: string | undefined,
  message: string,
  connectName = property,
): ConfigProblem {
  if (value === undefined) return { property, message };
  const secret = isSecretProperty(property) || isSecretProperty(connectName);
  return {
    property,
    value: secret ? HIDDEN : quoteValue(maskValue(connectName, maskValue(property, value))),
    message,
  };
}

export function formatProblem(problem: ConfigProblem): string {
  const got = problem.value === undefined ? ' (not set)' : ` = ${problem.value}`;
  return `${problem.property}${got}: ${problem.message}`;
}

/**
 * Every problem in the configuration at once, so a user fixes their file in one go instead of
 * one restart per mistake. Thrown before anything connects to Kafka or AWS.
 */
export class ConfigValidationError extends SinkError {
  readonly code = 'CONFIG_INVALID';
  readonly retryable = false;
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(configInvalid(problems.map(formatProblem)));
    this.problems = problems;
  }
}
