import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFromConnectProperties } from '../config/connect-options';
import { ConfigValidationError } from '../config/config-validation-error';
import { minimalProperties } from '../config/test-properties';
import { startStsStub, type StsStub } from './testing/sts-stub';
import {
  ENV_KEYS,
  identityOf,
  isolateAwsEnvironment,
  ROLE_ARN,
} from './testing/credentials.fixture';

// The open-source kafka-connect-lambda's assume-role names, through the SDK's own role assumer.
describe('assume-role settings in the connector file', () => {
  isolateAwsEnvironment();
  let sts: StsStub;
  before(async () => {
    sts = await startStsStub();
  });
  after(() => sts.close());
  beforeEach(() => {
    sts.calls.length = 0;
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
  });

  const credentialsOf = (extra: Record<string, string>) =>
    optionsFromConnectProperties(minimalProperties(extra)).lambda.credentials;

  it('assumes the role with the static keys, passing session name, external id and duration', async () => {
    const identity = await identityOf(
      credentialsOf({
        'aws.access.key.id': 'AKIASTATIC',
        'aws.secret.access.key': 'static-secret',
        'aws.credentials.provider.role.arn': ROLE_ARN,
        'aws.credentials.provider.session.name': 'orders-sink',
        'aws.credentials.provider.external.id': 'ext-123',
        'aws.credentials.provider.duration.seconds': '1800',
      }),
    );
    assert.equal(sts.calls.length, 1);
    const [call] = sts.calls;
    assert.equal(call.action, 'AssumeRole');
    assert.deepEqual(
      [
        call.params.RoleArn,
        call.params.RoleSessionName,
        call.params.ExternalId,
        call.params.DurationSeconds,
      ],
      [ROLE_ARN, 'orders-sink', 'ext-123', '1800'],
    );
    assert.equal(call.signedWith, 'AKIASTATIC');
    assert.equal(identity.accessKeyId, sts.issued.accessKeyId);
    assert.equal(identity.sessionToken, sts.issued.sessionToken);
  });

  it("takes the open-source connector's provider class: the default chain assumes the role", async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: ENV_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: ENV_KEYS.secretAccessKey,
    });
    const identity = await identityOf(
      credentialsOf({
        'aws.credentials.provider.class':
          'com.nordstrom.kafka.connect.auth.AWSAssumeRoleCredentialsProvider',
        'aws.credentials.provider.role.arn': ROLE_ARN,
      }),
    );
    assert.equal(sts.calls[0]?.signedWith, ENV_KEYS.accessKeyId);
    assert.equal(sts.calls[0]?.params.RoleSessionName, 'lambda-sink');
    assert.equal(identity.accessKeyId, sts.issued.accessKeyId);
  });

  it('checks the settings at startup', () => {
    assert.throws(
      () =>
        credentialsOf({
          'aws.credentials.provider.class':
            'com.nordstrom.kafka.connect.auth.AWSAssumeRoleCredentialsProvider',
          'aws.credentials.provider.session.name': 'x',
          'aws.credentials.provider.duration.seconds': '60',
        }),
      (error: Error) => {
        assert.ok(error instanceof ConfigValidationError);
        const lines = error.problems.map((p) => `${p.property}: ${p.message}`);
        assert.ok(
          lines.includes(
            'aws.credentials.provider.role.arn: is required with aws.credentials.provider.class AWSAssumeRoleCredentialsProvider',
          ),
          lines.join('\n'),
        );
        assert.ok(
          lines.some((l) => l.startsWith('aws.credentials.provider.session.name: must be 2 to 64')),
        );
        assert.ok(
          lines.some((l) =>
            l.startsWith(
              'aws.credentials.provider.duration.seconds: must be an integer from 900 to 43200',
            ),
          ),
        );
        return true;
      },
    );
  });
});
