import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { resolveCredentials } from './credentials-provider';
import { classifyInvokeError } from './invoke-error-classifier';
import {
  dir,
  ENV_KEYS,
  identityOf,
  isolateAwsEnvironment,
  keysOf,
  tempFile,
} from './testing/credentials.fixture';

describe('resolveCredentials', () => {
  isolateAwsEnvironment();

  describe('which source wins', () => {
    it('uses the static keys, with their session token, over a configured provider class', async () => {
      Object.assign(process.env, {
        AWS_ACCESS_KEY_ID: ENV_KEYS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: ENV_KEYS.secretAccessKey,
      });
      const identity = await identityOf({
        accessKeyId: 'AKIASTATIC',
        secretAccessKey: 'static-secret',
        sessionToken: 'static-token',
        providerClass: 'com.amazonaws.auth.EnvironmentVariableCredentialsProvider',
      });
      assert.deepEqual(identity, {
        accessKeyId: 'AKIASTATIC',
        secretAccessKey: 'static-secret',
        sessionToken: 'static-token',
      });
    });

    it('uses the provider class when no static keys are set', async () => {
      Object.assign(process.env, {
        AWS_ACCESS_KEY_ID: ENV_KEYS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: ENV_KEYS.secretAccessKey,
      });
      const identity = await identityOf({
        providerClass: 'EnvironmentVariableCredentialsProvider',
      });
      assert.deepEqual(keysOf(identity), ENV_KEYS);
    });

    it('leaves the Lambda client’s own default chain in charge when neither is set', () => {
      assert.equal(resolveCredentials({}), undefined);
    });
  });

  describe('a module path', () => {
    const moduleFile = (source: string) => tempFile(source, '.js');

    it('loads a provider exported by a module relative to the working directory', async () => {
      const file = moduleFile(
        'module.exports = async () => ({ accessKeyId: "AKIAMODULE", secretAccessKey: "module-secret" });',
      );
      const identity = await identityOf({ providerClass: `./${relative(process.cwd(), file)}` });
      assert.equal(identity.accessKeyId, 'AKIAMODULE');
    });

    it('calls an exported factory once and keeps the provider it made', async () => {
      const file = moduleFile(
        'let made = 0;\n' +
          'exports.default = () => { made++; let calls = 0;\n' +
          '  return async () => ({ accessKeyId: `AKIAFACTORY${made}x${++calls}`, secretAccessKey: "s" }); };',
      );
      const provider = resolveCredentials({ providerClass: file }) as AwsCredentialIdentityProvider;
      assert.equal((await provider()).accessKeyId, 'AKIAFACTORY1x1');
      assert.equal((await provider()).accessKeyId, 'AKIAFACTORY1x2', 'same provider, asked again');
    });

    it('accepts a credentials object exported as `credentials`', async () => {
      const file = moduleFile(
        'exports.credentials = { accessKeyId: "AKIAOBJECT", secretAccessKey: "object-secret" };',
      );
      assert.equal((await identityOf({ providerClass: file })).accessKeyId, 'AKIAOBJECT');
    });

    it('fails when credentials are asked for, naming the property and the path, without a require stack', async () => {
      const missing = join(dir, 'no-such-provider.js');
      const provider = resolveCredentials({ providerClass: missing });
      assert.equal(typeof provider, 'function', 'nothing is loaded before it is needed');
      await assert.rejects((provider as AwsCredentialIdentityProvider)(), (error: Error) => {
        assert.equal(error.name, 'CredentialsProviderError');
        assert.match(error.message, /^aws\.credentials\.provider\.class .*no-such-provider\.js: /);
        assert.match(error.message, /cannot load module/);
        assert.doesNotMatch(error.message, /Require stack/);
        assert.equal(classifyInvokeError(error), 'configuration');
        return true;
      });
    });

    it('fails clearly when the module exports no provider', async () => {
      const file = moduleFile('exports.somethingElse = 42;');
      await assert.rejects(identityOf({ providerClass: file }), /exports no credentials provider/);
    });
  });

  describe('a provider that finds no credentials', () => {
    it('fails with an error that names the configured class and is not retried', async () => {
      await assert.rejects(
        identityOf({ providerClass: 'com.amazonaws.auth.EnvironmentVariableCredentialsProvider' }),
        (error: Error) => {
          assert.match(
            error.message,
            /^aws\.credentials\.provider\.class com\.amazonaws\.auth\.EnvironmentVariableCredentialsProvider \(fromEnv\): /,
          );
          assert.match(error.message, /environment variable/i);
          assert.equal(classifyInvokeError(error), 'configuration');
          return true;
        },
      );
    });
  });
});
