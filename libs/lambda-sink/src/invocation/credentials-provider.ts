import { isAbsolute, resolve } from 'node:path';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import {
  fromContainerMetadata,
  fromEnv,
  fromIni,
  fromInstanceMetadata,
  fromNodeProviderChain,
  fromTokenFile,
} from '@aws-sdk/credential-providers';
import type { AwsCredentialsOptions } from '../config/lambda-sink-options';
import {
  credentialsProviderFactoryOf,
  type CredentialsProviderFactory,
} from '../config/credentials-provider-classes';

/** The SDK v3 provider behind each factory name that config/ maps Java class names to. */
const FACTORIES: Record<CredentialsProviderFactory, () => AwsCredentialIdentityProvider> = {
  fromNodeProviderChain: () => fromNodeProviderChain(),
  fromEnv: () => fromEnv(),
  fromIni: () => fromIni(),
  fromContainerMetadata: () => fromContainerMetadata(),
  fromInstanceMetadata: () => fromInstanceMetadata(),
  fromTokenFile: () => fromTokenFile(),
};

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/**
 * Static keys win over everything (as in the Confluent connector); then the configured provider
 * class; then the SDK's default chain (env, profile incl. assumed roles, web identity, container, IMDS).
 */
export function resolveCredentials(options: AwsCredentialsOptions): Credentials | undefined {
  if (options.accessKeyId && options.secretAccessKey) {
    return {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      sessionToken: options.sessionToken,
    };
  }
  if (!options.providerClass) return undefined;
  const factory = credentialsProviderFactoryOf(options.providerClass);
  if (factory) return FACTORIES[factory]();
  return loadProviderModule(options.providerClass);
}

/** A module path (absolute, or relative to the working directory) whose export is a provider. */
function loadProviderModule(path: string): Credentials {
  const full = isAbsolute(path) || path.startsWith('.') ? resolve(path) : path;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(full) as Record<string, unknown>;
  const candidate = loaded.default ?? loaded.provider ?? loaded.credentials ?? loaded;
  if (typeof candidate === 'function') {
    const fn = candidate as (...args: unknown[]) => unknown;
    // A factory (`() => provider`) or a provider (`() => Promise<credentials>`): both are callables.
    return (async () => {
      const produced = await fn();
      return typeof produced === 'function'
        ? await (produced as AwsCredentialIdentityProvider)()
        : (produced as AwsCredentialIdentity);
    }) as AwsCredentialIdentityProvider;
  }
  if (candidate && typeof candidate === 'object' && 'accessKeyId' in candidate)
    return candidate as AwsCredentialIdentity;
  throw new Error(
    `module "${path}" exports no credentials provider (a function or an object with accessKeyId)`,
  );
}
