import { randomUUID } from 'node:crypto';
import { apiErrors } from '../api/lambda-api.error';
import { InvalidFunctionError } from '../lambda-local.errors';
import { localMessages } from '../lambda-local.messages';
import { parseFunctionName } from './function-name.parser';
import type { LambdaHandler } from './lambda-handler.types';

export const LATEST = '$LATEST';

/** Per-function settings; everything is optional and defaults to what a new function has. */
export interface LocalFunctionConfig {
  description?: string;
  /** Reported by GetFunction only; handlers always run in this Node.js. Default `nodejs20.x`. */
  runtime?: string;
  /**
   * Seconds before a call ends with `Sandbox.Timedout`. Default 30, not AWS's 3, so a
   * handler paused in a debugger or a slow test machine does not time out by surprise.
   */
  timeoutSeconds?: number;
  /** Default 128 (MB); reported by GetFunction and `context.memoryLimitInMB`. */
  memorySize?: number;
  /** Published versions (digits) a Qualifier may name. `$LATEST` always exists. */
  versions?: readonly string[];
  /** Alias name → version (or `$LATEST`). */
  aliases?: Readonly<Record<string, string>>;
  /** Reported by GetFunction as `Environment.Variables`. */
  environment?: Readonly<Record<string, string>>;
}

export interface LocalFunction {
  readonly name: string;
  readonly handler: LambdaHandler;
  readonly config: LocalFunctionConfig & { timeoutSeconds: number; memorySize: number };
  /** The module file it came from, when loaded from `functionsDir`. */
  readonly source?: string;
  readonly registeredAt: Date;
  readonly revisionId: string;
}

/** Region and account the emulated service pretends to be; they appear in every ARN. */
export interface AwsIdentity {
  readonly region: string;
  readonly accountId: string;
}

/** The function and version a request's `FunctionName` and `Qualifier` point at. */
export interface ResolvedTarget {
  fn: LocalFunction;
  qualifier?: string;
  executedVersion: string;
  invokedFunctionArn: string;
}

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const VERSION = /^\d{1,10}$/;
const ALIAS = /^(?!^\d+$)[a-zA-Z0-9_-]{1,128}$/;

/** The functions Lambda Local serves, and how a request's name and qualifier resolve to one. */
export class FunctionRegistry {
  private readonly functions = new Map<string, LocalFunction>();

  constructor(readonly identity: AwsIdentity) {}

  /** Adds or replaces a function; throws InvalidFunctionError listing every problem. */
  register(
    name: string,
    handler: LambdaHandler,
    config: LocalFunctionConfig = {},
    source?: string,
  ) {
    const problems = validateFunction(name, handler, config);
    if (problems.length > 0) {
      throw new InvalidFunctionError(localMessages.invalidFunction(name), problems);
    }
    this.functions.set(name, {
      name,
      handler,
      config: {
        ...config,
        timeoutSeconds: config.timeoutSeconds ?? 30,
        memorySize: config.memorySize ?? 128,
      },
      source,
      registeredAt: new Date(),
      revisionId: randomUUID(),
    });
  }

  get(name: string): LocalFunction | undefined {
    return this.functions.get(name);
  }

  names(): string[] {
    return [...this.functions.keys()].sort();
  }

  arn(name: string, qualifier?: string, identity: Partial<AwsIdentity> = {}): string {
    const region = identity.region ?? this.identity.region;
    const account = identity.accountId ?? this.identity.accountId;
    const base = `arn:aws:lambda:${region}:${account}:function:${name}`;
    return qualifier === undefined ? base : `${base}:${qualifier}`;
  }

  /**
   * Resolves a decoded `FunctionName` label and the `Qualifier` query parameter.
   * Throws the LambdaApiError the real service answers with: 400 for a malformed name or
   * two different qualifiers, 404 for an unknown function, version or alias, or an ARN
   * of another region or account.
   */
  resolve(functionName: string, queryQualifier: string | undefined): ResolvedTarget {
    const parsed = parseFunctionName(functionName);
    if (!parsed) throw apiErrors.invalidFunctionName(functionName);
    if (parsed.qualifier !== undefined && queryQualifier && parsed.qualifier !== queryQualifier) {
      throw apiErrors.qualifierMismatch();
    }
    const qualifier = parsed.qualifier ?? (queryQualifier || undefined);
    const requestedArn = this.arn(parsed.name, qualifier, parsed);
    const fn = this.functions.get(parsed.name);
    const foreign =
      (parsed.region !== undefined && parsed.region !== this.identity.region) ||
      (parsed.accountId !== undefined && parsed.accountId !== this.identity.accountId);
    if (!fn || foreign) throw apiErrors.resourceNotFound(requestedArn);
    const executedVersion = versionOf(fn, qualifier);
    if (executedVersion === undefined) throw apiErrors.resourceNotFound(requestedArn);
    return { fn, qualifier, executedVersion, invokedFunctionArn: requestedArn };
  }
}

function versionOf(fn: LocalFunction, qualifier: string | undefined): string | undefined {
  if (qualifier === undefined || qualifier === LATEST) return LATEST;
  if (fn.config.versions?.includes(qualifier)) return qualifier;
  return fn.config.aliases?.[qualifier];
}

function validateFunction(name: string, handler: unknown, config: LocalFunctionConfig): string[] {
  const problems: string[] = [];
  if (!FUNCTION_NAME.test(name)) problems.push(localMessages.badFunctionName(name));
  if (typeof handler !== 'function') problems.push(localMessages.handlerNotFunction(name));
  for (const field of ['timeoutSeconds', 'memorySize'] as const) {
    const value = config[field];
    if (value !== undefined && !(typeof value === 'number' && value > 0)) {
      problems.push(localMessages.badPositive(field, value));
    }
  }
  const versions = config.versions ?? [];
  for (const version of versions) {
    if (!VERSION.test(version)) problems.push(localMessages.badVersion(version));
  }
  for (const [alias, target] of Object.entries(config.aliases ?? {})) {
    if (!ALIAS.test(alias)) problems.push(localMessages.badAlias(alias));
    if (target !== LATEST && !versions.includes(target)) {
      problems.push(localMessages.aliasTarget(alias, target));
    }
  }
  return problems;
}
