import { InvalidFaultsError } from '../lambda-local.errors';
import { localMessages } from '../lambda-local.messages';
import type { LambdaFaults } from './fault.types';

type Checker = (value: unknown, path: string, problems: string[]) => void;

/**
 * Checks a fault set from code or from JSON over HTTP, and throws InvalidFaultsError with
 * every problem. Unknown keys are problems too: a typo (`throtle`) would otherwise make a
 * test pass for the wrong reason.
 */
export function validateFaults(functionName: string, input: unknown): LambdaFaults {
  const problems: string[] = [];
  if (!isObject(input)) {
    problems.push(`faults must be an object, got ${describe(input)}`);
  } else {
    checkObject(input, '', problems, {
      latencyMs: checkLatency,
      concurrencyLimit: checkConcurrencyLimit,
      throttle: trigger({ reason: checkString, retryAfterSeconds: checkNonNegative }),
      serverError: trigger({ status: checkOneOf([500, 502, 503, 504]), errorType: checkString }),
      functionError: trigger({
        kind: checkOneOf(['Handled', 'Unhandled']),
        message: checkString,
        errorType: checkString,
      }),
      hang: trigger({}),
      denyInvoke: checkBoolean,
      denyGetFunction: checkBoolean,
    });
  }
  if (problems.length > 0)
    throw new InvalidFaultsError(localMessages.invalidFaults(functionName), problems);
  return input as LambdaFaults;
}

function trigger(extra: Record<string, Checker>): Checker {
  return (value, path, problems) => {
    if (value === true) return;
    if (!isObject(value)) {
      problems.push(`${path} must be true or an object, got ${describe(value)}`);
      return;
    }
    checkObject(value, path, problems, {
      firstN: checkCount,
      ratio: checkRatio,
      when: checkFunction,
      payloadContains: checkString,
      ...extra,
    });
    if (value.firstN !== undefined && value.ratio !== undefined) {
      problems.push(`${path} takes firstN or ratio, not both`);
    }
  };
}

function checkObject(
  value: Record<string, unknown>,
  path: string,
  problems: string[],
  members: Record<string, Checker>,
) {
  for (const [key, member] of Object.entries(value)) {
    const memberPath = path ? `${path}.${key}` : key;
    const check = members[key];
    if (!check) problems.push(`${memberPath} is not a known fault setting`);
    else if (member !== undefined) check(member, memberPath, problems);
  }
}

const checkLatency: Checker = (value, path, problems) => {
  if (typeof value === 'number') return checkNonNegative(value, path, problems);
  if (!isObject(value)) {
    problems.push(`${path} must be milliseconds or { min, max }, got ${describe(value)}`);
    return;
  }
  checkObject(value, path, problems, { min: checkNonNegative, max: checkNonNegative });
  const { min, max } = value;
  if (typeof min !== 'number' || typeof max !== 'number' || min > max) {
    problems.push(`${path} needs numbers min <= max, got ${describe(value)}`);
  }
};

const checkConcurrencyLimit: Checker = (value, path, problems) => {
  if (!isObject(value)) {
    problems.push(`${path} must be { max, reason?, retryAfterSeconds? }, got ${describe(value)}`);
    return;
  }
  if (value.max === undefined) problems.push(`${path}.max is required`);
  checkObject(value, path, problems, {
    max: checkCount,
    reason: checkString,
    retryAfterSeconds: checkNonNegative,
  });
};

const checkNonNegative: Checker = (value, path, problems) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    problems.push(`${path} must be a number >= 0, got ${describe(value)}`);
  }
};

const checkCount: Checker = (value, path, problems) => {
  if (!Number.isInteger(value) || (value as number) < 0) {
    problems.push(`${path} must be an integer >= 0, got ${describe(value)}`);
  }
};

const checkRatio: Checker = (value, path, problems) => {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    problems.push(`${path} must be a number from 0 to 1, got ${describe(value)}`);
  }
};

const checkString: Checker = (value, path, problems) => {
  if (typeof value !== 'string') problems.push(`${path} must be a string, got ${describe(value)}`);
};

const checkBoolean: Checker = (value, path, problems) => {
  if (typeof value !== 'boolean')
    problems.push(`${path} must be true or false, got ${describe(value)}`);
};

const checkFunction: Checker = (value, path, problems) => {
  if (typeof value !== 'function')
    problems.push(`${path} must be a function, got ${describe(value)}`);
};

function checkOneOf(allowed: readonly unknown[]): Checker {
  return (value, path, problems) => {
    if (!allowed.includes(value)) {
      problems.push(`${path} must be one of ${allowed.join(', ')}, got ${describe(value)}`);
    }
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'function' ? 'a function' : (JSON.stringify(value) ?? String(value));
}
