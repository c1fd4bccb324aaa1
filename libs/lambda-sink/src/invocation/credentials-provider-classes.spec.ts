import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { credentialsProviderFactoryOf } from '../config/credentials-provider-classes';
import type { HttpStub } from './testing/http-stub';
import { CONTAINER_CREDENTIALS_PATH, startMetadataStub } from './testing/metadata-stub';
import { startStsStub, type StsStub } from './testing/sts-stub';
import {
  ENV_KEYS,
  identityOf,
  isolateAwsEnvironment,
  keysOf,
  METADATA_KEYS,
  PROFILE_KEYS,
  ROLE_ARN,
  SOURCE_KEYS,
  tempFile,
} from './testing/credentials.fixture';

// The Java class names of aws.credentials.provider.class, each mapped to a Node provider.
describe('resolveCredentials: Java provider class names', () => {
  isolateAwsEnvironment();

  it('accepts the AWS SDK for Java v1 and v2 names, qualified or not', () => {
    const expected: Record<string, string> = {
      'com.amazonaws.auth.DefaultAWSCredentialsProviderChain': 'fromNodeProviderChain',
      'software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider': 'fromNodeProviderChain',
      'com.amazonaws.auth.profile.ProfileCredentialsProvider': 'fromIni',
      'software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider': 'fromIni',
      'com.amazonaws.auth.EnvironmentVariableCredentialsProvider': 'fromEnv',
      'software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider': 'fromEnv',
      'com.amazonaws.auth.ContainerCredentialsProvider': 'fromContainerMetadata',
      'com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper': 'fromContainerMetadata',
      'software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider':
        'fromContainerMetadata',
      'com.amazonaws.auth.InstanceProfileCredentialsProvider': 'fromInstanceMetadata',
      'software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider':
        'fromInstanceMetadata',
      'com.amazonaws.auth.WebIdentityTokenCredentialsProvider': 'fromTokenFile',
      'software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider':
        'fromTokenFile',
      ProfileCredentialsProvider: 'fromIni',
    };
    for (const [name, factory] of Object.entries(expected)) {
      assert.equal(credentialsProviderFactoryOf(name), factory, name);
    }
  });

  it('EnvironmentVariableCredentialsProvider reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: ENV_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: ENV_KEYS.secretAccessKey,
      AWS_SESSION_TOKEN: 'env-token',
    });
    const identity = await identityOf({
      providerClass:
        'software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider',
    });
    assert.deepEqual(keysOf(identity), ENV_KEYS);
    assert.equal(identity.sessionToken, 'env-token');
  });

  it('ProfileCredentialsProvider reads the AWS_PROFILE section of AWS_SHARED_CREDENTIALS_FILE', async () => {
    process.env.AWS_SHARED_CREDENTIALS_FILE = tempFile(
      '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n' +
        `[staging]\naws_access_key_id = ${PROFILE_KEYS.accessKeyId}\n` +
        `aws_secret_access_key = ${PROFILE_KEYS.secretAccessKey}\n`,
    );
    process.env.AWS_PROFILE = 'staging';
    const identity = await identityOf({
      providerClass: 'com.amazonaws.auth.profile.ProfileCredentialsProvider',
    });
    assert.deepEqual(keysOf(identity), PROFILE_KEYS);
  });

  it('DefaultAWSCredentialsProviderChain takes the environment first, then the profile', async () => {
    process.env.AWS_SHARED_CREDENTIALS_FILE = tempFile(
      `[default]\naws_access_key_id = ${PROFILE_KEYS.accessKeyId}\n` +
        `aws_secret_access_key = ${PROFILE_KEYS.secretAccessKey}\n`,
    );
    const providerClass = 'com.amazonaws.auth.DefaultAWSCredentialsProviderChain';
    assert.deepEqual(keysOf(await identityOf({ providerClass })), PROFILE_KEYS);
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: ENV_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: ENV_KEYS.secretAccessKey,
    });
    assert.deepEqual(keysOf(await identityOf({ providerClass })), ENV_KEYS);
  });

  describe('with STS', () => {
    let sts: StsStub;
    before(async () => {
      sts = await startStsStub();
    });
    after(() => sts.close());
    beforeEach(() => {
      sts.calls.length = 0;
      process.env.AWS_ENDPOINT_URL_STS = sts.url;
    });

    const assumedProfile = (header: string) =>
      `${header}\nrole_arn = ${ROLE_ARN}\nsource_profile = staging\n` +
      'role_session_name = lambda-sink-test\n';
    const sourceProfile =
      `[staging]\naws_access_key_id = ${SOURCE_KEYS.accessKeyId}\n` +
      `aws_secret_access_key = ${SOURCE_KEYS.secretAccessKey}\n`;

    it('ProfileCredentialsProvider assumes role_arn with the source_profile’s keys (credentials file)', async () => {
      process.env.AWS_SHARED_CREDENTIALS_FILE = tempFile(
        assumedProfile('[default]') + sourceProfile,
      );
      const identity = await identityOf({ providerClass: 'ProfileCredentialsProvider' });
      assert.equal(sts.calls.length, 1);
      const [call] = sts.calls;
      assert.equal(call.action, 'AssumeRole');
      assert.equal(call.params.RoleArn, ROLE_ARN);
      assert.equal(call.params.RoleSessionName, 'lambda-sink-test');
      assert.equal(call.signedWith, SOURCE_KEYS.accessKeyId, 'signed with the source profile');
      assert.equal(identity.accessKeyId, sts.issued.accessKeyId);
      assert.equal(identity.sessionToken, sts.issued.sessionToken);
    });

    it('does the same with the profiles in AWS_CONFIG_FILE, which the Java connector cannot', async () => {
      process.env.AWS_CONFIG_FILE = tempFile(
        assumedProfile('[profile invoker]') +
          sourceProfile.replace('[staging]', '[profile staging]'),
      );
      process.env.AWS_PROFILE = 'invoker';
      const identity = await identityOf({ providerClass: 'ProfileCredentialsProvider' });
      assert.equal(sts.calls[0]?.signedWith, SOURCE_KEYS.accessKeyId);
      assert.equal(identity.accessKeyId, sts.issued.accessKeyId);
    });

    it('WebIdentityTokenFileCredentialsProvider exchanges AWS_WEB_IDENTITY_TOKEN_FILE for AWS_ROLE_ARN', async () => {
      Object.assign(process.env, {
        AWS_WEB_IDENTITY_TOKEN_FILE: tempFile('projected-service-account-token'),
        AWS_ROLE_ARN: ROLE_ARN,
        AWS_ROLE_SESSION_NAME: 'irsa-session',
      });
      const identity = await identityOf({
        providerClass:
          'software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider',
      });
      const [call] = sts.calls;
      assert.equal(call?.action, 'AssumeRoleWithWebIdentity');
      assert.equal(call.params.WebIdentityToken, 'projected-service-account-token');
      assert.equal(call.params.RoleArn, ROLE_ARN);
      assert.equal(call.params.RoleSessionName, 'irsa-session');
      assert.equal(identity.accessKeyId, sts.issued.accessKeyId);
    });
  });

  describe('with the metadata endpoints', () => {
    let metadata: HttpStub;
    before(async () => {
      metadata = await startMetadataStub(METADATA_KEYS);
    });
    after(() => metadata.close());

    // EKS Pod Identity: a full URI and a token file, which only the SDK's HTTP provider reads.
    it('ContainerCredentialsProvider reads AWS_CONTAINER_CREDENTIALS_FULL_URI with AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', async () => {
      process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = metadata.url + CONTAINER_CREDENTIALS_PATH;
      process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE = tempFile('pod-identity-token');
      const identity = await identityOf({ providerClass: 'ContainerCredentialsProvider' });
      assert.equal(identity.sessionToken, METADATA_KEYS.sessionToken);
      assert.equal(identity.accessKeyId, METADATA_KEYS.accessKeyId);
      const request = [...metadata.requests]
        .reverse()
        .find((r) => r.url === CONTAINER_CREDENTIALS_PATH);
      assert.equal(request?.headers.authorization, 'pod-identity-token');
    });

    it('InstanceProfileCredentialsProvider reads IMDSv2 at AWS_EC2_METADATA_SERVICE_ENDPOINT', async () => {
      delete process.env.AWS_EC2_METADATA_DISABLED;
      process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = metadata.url;
      const identity = await identityOf({
        providerClass: 'com.amazonaws.auth.InstanceProfileCredentialsProvider',
      });
      assert.equal(identity.accessKeyId, METADATA_KEYS.accessKeyId);
      assert.ok(
        metadata.requests.some((r) => r.method === 'PUT'),
        'asked for an IMDSv2 token',
      );
    });
  });
});
