import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import {
  createCredentialChain,
  fromContainerMetadata,
  fromEnv,
  fromHttp,
  fromIni,
  fromInstanceMetadata,
  fromNodeProviderChain,
  fromTemporaryCredentials,
  fromTokenFile,
} from '@aws-sdk/credential-providers';
import type { AwsCredentialsOptions } from '../config/lambda-sink-options';
import {
  credentialsProviderFactoryOf,
  type CredentialsProviderFactory,
} from '../config/credentials-provider-classes';

/**
 * The SDK v3 provider behind each factory name that config/ maps Java class names to. Each is
 * built with no settings, so it reads what the Java provider reads: `AWS_PROFILE`,
 * `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE` (profiles, including `role_arn` +
 * `source_profile`), `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`, the container and EC2
 * metadata endpoints.
 */
const FACTORIES: Record<CredentialsProviderFactory, () => AwsCredentialIdentityProvider> = {
  fromNodeProviderChain: () => fromNodeProviderChain(),
  fromEnv: () => fromEnv(),
  fromIni: () => fromIni(),
  // As the SDK's default chain does in a container: the HTTP provider knows EKS Pod Identity and
  // its token file (the Java ContainerCredentialsProvider does too), the older one ECS URIs only.
  fromContainerMetadata: () => createCredentialChain(fromHttp(), fromContainerMetadata()),
  fromInstanceMetadata: () => fromInstanceMetadata(),
  fromTokenFile: () => fromTokenFile(),
};

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;
/** What the SDK passes a provider (e.g. `callerClientConfig`, which an assumed role's STS client inherits). */
type ProviderArgs = Parameters<AwsCredentialIdentityProvider>[0];

/**
 * Static keys win over everything (as in the Confluent connector); then the configured provider
 * class; then, when neither is set, `undefined`: the Lambda client's own default chain (env,
 * profile incl. assumed roles, web identity, container, IMDS).
 *
 * Providers run lazily, when the client first signs a request (startup validation, unless it is
 * off). A provider that cannot produce credentials fails that request, and its error says which
 * source was asked, so the startup error names the function, the region and the credentials source.
 */
export function resolveCredentials(options: AwsCredentialsOptions): Credentials | undefined {
  const source = sourceCredentials(options);
  const role = options.assumeRole;
  if (!role) return source;
  // The role is assumed with the source credentials (the default chain when none is set), and
  // refreshed by the SDK before it expires.
  return naming(
    `aws.credentials.provider.role.arn ${role.roleArn}`,
    fromTemporaryCredentials({
      masterCredentials: source,
      params: {
        RoleArn: role.roleArn,
        RoleSessionName: role.sessionName,
        ExternalId: role.externalId,
        DurationSeconds: role.durationSeconds,
      },
    }),
  );
}

function sourceCredentials(options: AwsCredentialsOptions): Credentials | undefined {
  if (options.accessKeyId && options.secretAccessKey) {
    return {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      sessionToken: options.sessionToken,
    };
  }
  const providerClass = options.providerClass;
  if (!providerClass) return undefined;
  const factory = credentialsProviderFactoryOf(providerClass);
  const source = `aws.credentials.provider.class ${providerClass}`;
  if (factory) return naming(`${source} (${factory})`, FACTORIES[factory]());
  return naming(source, moduleProvider(providerClass));
}

/** The provider's failures say which source failed; their name and code are kept for classification. */
function naming(
  source: string,
  provider: AwsCredentialIdentityProvider,
): AwsCredentialIdentityProvider {
  return async (args?: ProviderArgs) => {
    try {
      return await provider(args);
    } catch (error) {
      if (error instanceof Error && !error.message.startsWith(source)) {
        error.message = `${source}: ${error.message}`;
      }
      throw error;
    }
  };
}

/**
 * A module path (absolute, or relative to the working directory; a package name is resolved from
 * the working directory too) whose export is a provider (`async () => credentials`), a factory of
 * one (`() => fromIni({ profile })`), or a credentials object. The export may be the module itself
 * or its `default`, `provider` or `credentials` property. The module is CommonJS (`require`d).
 */
function moduleProvider(path: string): AwsCredentialIdentityProvider {
  let provider: AwsCredentialIdentityProvider | undefined;
  return async (args?: ProviderArgs) => {
    provider ??= await providerFromExport(path, loadModule(path), args);
    return provider(args);
  };
}

function loadModule(path: string): Record<string, unknown> {
  const fromCwd = createRequire(join(process.cwd(), 'noop.js'));
  const target = isAbsolute(path) || path.startsWith('.') ? resolve(path) : path;
  try {
    return fromCwd(target) as Record<string, unknown>;
  } catch (error) {
    // Node appends the require stack (every path up to here) to the message: keep the first line.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw providerError(`cannot load module "${path}" (${reason})`, error);
  }
}

/** Tells a factory from a provider by calling it once: a factory returns a function. */
async function providerFromExport(
  path: string,
  loaded: Record<string, unknown>,
  args: ProviderArgs,
): Promise<AwsCredentialIdentityProvider> {
  const candidate = loaded.default ?? loaded.provider ?? loaded.credentials ?? loaded;
  if (typeof candidate === 'function') {
    const fn = candidate as (args?: ProviderArgs) => unknown;
    const produced = await fn(args);
    if (typeof produced === 'function') return produced as AwsCredentialIdentityProvider;
    if (isIdentity(produced)) {
      // A provider: its first answer is used now; later calls (refreshes) ask it again.
      let first: AwsCredentialIdentity | undefined = produced;
      return async (next?: ProviderArgs) => {
        const answer = first ?? (await fn(next));
        first = undefined;
        if (!isIdentity(answer)) throw providerError(noCredentials(path));
        return answer;
      };
    }
    throw providerError(noCredentials(path));
  }
  if (isIdentity(candidate)) return async () => candidate;
  throw providerError(
    `module "${path}" exports no credentials provider ` +
      '(a function, or an object with accessKeyId and secretAccessKey)',
  );
}

const noCredentials = (path: string) =>
  `the provider exported by "${path}" returned no credentials (an object with accessKeyId and secretAccessKey)`;

function isIdentity(value: unknown): value is AwsCredentialIdentity {
  const identity = value as Partial<AwsCredentialIdentity> | null | undefined;
  return typeof identity?.accessKeyId === 'string' && typeof identity.secretAccessKey === 'string';
}

/** Named as the SDK's own provider errors, which the invoke classifier treats as configuration. */
function providerError(message: string, cause?: unknown): Error {
  const error = new Error(message, { cause });
  error.name = 'CredentialsProviderError';
  return error;
}
