// Shared by the credentials specs: fixed keys, temporary files and an AWS environment that
// reads nothing from the machine. Not exported from the package.
import { afterEach, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { AwsCredentialsOptions } from '../../config/lambda-sink-options';
import { resolveCredentials } from '../credentials-provider';

export const ENV_KEYS = { accessKeyId: 'AKIAENVIRONMENT', secretAccessKey: 'env-secret' };
export const PROFILE_KEYS = { accessKeyId: 'AKIAPROFILE', secretAccessKey: 'profile-secret' };
export const SOURCE_KEYS = { accessKeyId: 'AKIASOURCEPROFILE', secretAccessKey: 'source-secret' };
export const METADATA_KEYS = {
  accessKeyId: 'ASIAMETADATA',
  secretAccessKey: 'metadata-secret',
  sessionToken: 'metadata-token',
};
export const ROLE_ARN = 'arn:aws:iam::123456789012:role/lambda-invoker';

export const dir = mkdtempSync(join(tmpdir(), 'lambda-sink-credentials-'));
let fileCount = 0;
/** A file under a fresh name: the SDK caches profile files by path. */
export function tempFile(content: string, extension = ''): string {
  const path = join(dir, `file-${++fileCount}${extension}`);
  writeFileSync(path, content);
  return path;
}

/** Resolves whatever `resolveCredentials` returned to the identity a request would be signed with. */
export async function identityOf(options: AwsCredentialsOptions): Promise<AwsCredentialIdentity> {
  const credentials = resolveCredentials(options);
  assert.ok(credentials, 'a credentials source');
  return typeof credentials === 'function'
    ? (credentials as AwsCredentialIdentityProvider)()
    : credentials;
}

export const keysOf = (identity: AwsCredentialIdentity) => ({
  accessKeyId: identity.accessKeyId,
  secretAccessKey: identity.secretAccessKey,
});

/** In the calling suite, each test sees no AWS keys, no ~/.aws files and no instance metadata. */
export function isolateAwsEnvironment(): void {
  const savedEnv = { ...process.env };
  beforeEach(() => {
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('AWS_')) delete process.env[name];
    }
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'no-credentials-file');
    process.env.AWS_CONFIG_FILE = join(dir, 'no-config-file');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    process.env.AWS_REGION = 'us-east-1';
  });
  afterEach(() => {
    process.env = { ...savedEnv };
  });
}
