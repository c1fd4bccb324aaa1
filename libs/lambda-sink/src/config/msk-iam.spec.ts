import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SaslSettings } from '../kafka';

type OauthbearerProviderResponse = { value: string };
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { buildKafkaConfig, mskIamRegion } from './kafka-client-config';
import { minimalProperties } from './test-properties';

const BROKER = 'b-1.orders.abc123.c2.kafka.eu-west-1.amazonaws.com:9098';

// No MSK here: these check the mapping and the token AWS's signer produces, not a broker.
describe('MSK IAM authentication', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('AWS_')) delete process.env[name];
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAMSKTEST',
      AWS_SECRET_ACCESS_KEY: 'msk-test-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  const saslOf = (extra: Record<string, string>): SaslSettings => {
    const options = optionsFromConnectProperties(
      minimalProperties({ 'bootstrap.servers': BROKER, 'security.protocol': 'SASL_SSL', ...extra }),
    );
    return buildKafkaConfig(options.kafka).sasl as SaslSettings;
  };

  for (const [mechanism, extra] of [
    [
      'AWS_MSK_IAM',
      {
        'sasl.jaas.config': 'software.amazon.msk.auth.iam.IAMLoginModule required;',
        'sasl.client.callback.handler.class':
          'software.amazon.msk.auth.iam.IAMClientCallbackHandler',
      },
    ],
    [
      'OAUTHBEARER',
      {
        'sasl.jaas.config':
          'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;',
        'sasl.login.callback.handler.class':
          'software.amazon.msk.auth.iam.IAMOAuthBearerLoginCallbackHandler',
      },
    ],
  ] as const) {
    it(`maps sasl.mechanism=${mechanism} to OAUTHBEARER with a token from AWS's signer`, async () => {
      const sasl = saslOf({ 'sasl.mechanism': mechanism, ...extra });
      assert.equal(sasl.mechanism, 'oauthbearer');
      const { value } = (await (
        sasl as { oauthBearerProvider: () => Promise<OauthbearerProviderResponse> }
      ).oauthBearerProvider()) as OauthbearerProviderResponse;
      // The token is a base64url presigned URL of kafka-cluster:Connect for the brokers' region.
      const url = new URL(Buffer.from(value, 'base64url').toString('utf8'));
      assert.equal(url.host, 'kafka.eu-west-1.amazonaws.com');
      assert.equal(url.searchParams.get('Action'), 'kafka-cluster:Connect');
      assert.equal(url.searchParams.get('X-Amz-Algorithm'), 'AWS4-HMAC-SHA256');
      assert.match(
        url.searchParams.get('X-Amz-Credential') ?? '',
        /^AKIAMSKTEST\/\d{8}\/eu-west-1\/kafka-cluster\/aws4_request$/,
      );
      assert.ok(url.searchParams.get('X-Amz-Signature'));
    });
  }

  it('finds the region in MSK host names, else in the environment', () => {
    assert.equal(mskIamRegion([BROKER]), 'eu-west-1');
    assert.equal(
      mskIamRegion(['boot-x.c1.kafka-serverless.us-east-2.amazonaws.com:9098']),
      'us-east-2',
    );
    assert.equal(mskIamRegion(['localhost:9092'], { AWS_REGION: 'ap-south-1' }), 'ap-south-1');
  });

  it('refuses OAUTHBEARER without AWS’s token source', () => {
    assert.throws(
      () =>
        saslOf({
          'sasl.mechanism': 'OAUTHBEARER',
          'sasl.jaas.config':
            'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;',
          'sasl.login.callback.handler.class': 'com.example.MyTokenHandler',
        }),
      (error: Error) =>
        error instanceof ConfigValidationError &&
        /sasl.login.callback.handler.class = "com.example.MyTokenHandler": not supported/.test(
          error.message,
        ),
    );
  });
});
