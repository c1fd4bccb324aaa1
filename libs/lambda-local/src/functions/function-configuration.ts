import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { AwsIdentity, LocalFunction, ResolvedTarget } from './function-registry';

/**
 * The `Configuration` GetFunction and GetFunctionConfiguration return, with the members a
 * freshly deployed Node.js function has on AWS, so code that inspects it (state checks,
 * runtime, ARNs) behaves as in production.
 */
export function buildFunctionConfiguration(target: ResolvedTarget, identity: AwsIdentity) {
  const { fn } = target;
  const code = codeOf(fn);
  const version = target.executedVersion;
  return {
    FunctionName: fn.name,
    // Qualified exactly when the request named a version or alias, as on AWS.
    FunctionArn: target.invokedFunctionArn,
    Runtime: fn.config.runtime ?? 'nodejs20.x',
    Role: `arn:aws:iam::${identity.accountId}:role/lambda-local-execution`,
    Handler: fn.source ? `${basename(fn.source, extname(fn.source))}.handler` : 'index.handler',
    CodeSize: code.size,
    Description: fn.config.description ?? '',
    Timeout: fn.config.timeoutSeconds,
    MemorySize: fn.config.memorySize,
    // AWS's own format: milliseconds and a `+0000` offset, not ISO's `Z`.
    LastModified: fn.registeredAt.toISOString().replace('Z', '+0000'),
    CodeSha256: code.sha256,
    Version: version,
    Environment: fn.config.environment ? { Variables: { ...fn.config.environment } } : undefined,
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: fn.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    RuntimeVersionConfig: {
      RuntimeVersionArn: `arn:aws:lambda:${identity.region}::runtime:lambda-local`,
    },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

/** GetFunction's whole answer: configuration, code location and tags. */
export function buildGetFunctionResponse(
  target: ResolvedTarget,
  identity: AwsIdentity,
  baseUrl: string,
) {
  return {
    Configuration: buildFunctionConfiguration(target, identity),
    Code: {
      RepositoryType: 'S3',
      Location: `${baseUrl}/_local/functions/${encodeURIComponent(target.fn.name)}/code`,
    },
    Tags: {},
  };
}

const codeCache = new WeakMap<LocalFunction, { size: number; sha256: string }>();

/** The function's code: its module file, or the handler's source for in-process functions. */
export function codeBytesOf(fn: LocalFunction): Buffer {
  return fn.source ? readFileSync(fn.source) : Buffer.from(String(fn.handler));
}

/** Size and hash of the code, computed once per registration. */
function codeOf(fn: LocalFunction) {
  let code = codeCache.get(fn);
  if (!code) {
    const bytes = codeBytesOf(fn);
    code = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('base64') };
    codeCache.set(fn, code);
  }
  return code;
}
