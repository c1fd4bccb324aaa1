import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { startStsStub, type StsStub } from '../../libs/lambda-sink/src/testing';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda } from '../support/sink';
import { spawnSink, writePropertiesFile } from '../support/sink-process';
import { startAwsRequestRecorder, type AwsRequestRecorder } from './aws-request-recorder';

const ROLE_ARN = 'arn:aws:iam::037803949979:role/lambda_cross_account_role';
const SOURCE_KEY_ID = 'AKIASTAGINGSOURCE';

describe('the service with ProfileCredentialsProvider and a profile that assumes a role', () => {
  let lambda: LambdaLocal;
  let recorder: AwsRequestRecorder;
  let sts: StsStub;
  before(async () => {
    lambda = await startLambda();
    recorder = await startAwsRequestRecorder(lambda.url);
    sts = await startStsStub();
  });
  after(async () => {
    await Promise.all([recorder.close(), sts.close()]);
    await lambda.close();
  });

  it('assumes role_arn with the source_profile’s keys and invokes with the role’s temporary credentials', async () => {
    // The Confluent documentation's example profile, verbatim but for the keys.
    const dir = mkdtempSync(join(tmpdir(), 'lambda-sink-assume-role-'));
    const credentialsFile = join(dir, 'credentials');
    writeFileSync(
      credentialsFile,
      `[default]\nrole_arn=${ROLE_ARN}\nsource_profile=staging\n` +
        'role_session_name = OPTIONAL_SESSION_NAME\n\n' +
        `[staging]\naws_access_key_id = ${SOURCE_KEY_ID}\n` +
        'aws_secret_access_key = staging-secret\n',
    );
    const topic = await createTopic(uniqueName('assume-role'));
    await produce(topic, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    const properties = sinkProperties(lambda, {
      topics: topic,
      'aws.lambda.endpoint': recorder.url,
      'aws.credentials.provider.class': 'com.amazonaws.auth.profile.ProfileCredentialsProvider',
      'reporter.result.topic.name': '',
      'reporter.error.topic.name': '',
      listeners: 'http://127.0.0.1:0',
    });
    delete properties['aws.access.key.id'];
    delete properties['aws.secret.access.key'];

    const service = spawnSink(writePropertiesFile(properties), {
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      // The SDK's own per-service endpoint setting: STS calls go to the local stub.
      AWS_ENDPOINT_URL_STS: sts.url,
    });
    try {
      assert.ok(
        await eventually(() => invokedRecordCount(lambda, 'success') >= 3, 30_000),
        service.output(),
      );
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }

    assert.equal(sts.calls.length, 1, 'one AssumeRole; its credentials are cached');
    const [call] = sts.calls;
    assert.equal(call.action, 'AssumeRole');
    assert.equal(call.params.RoleArn, ROLE_ARN);
    assert.equal(call.params.RoleSessionName, 'OPTIONAL_SESSION_NAME');
    assert.equal(call.signedWith, SOURCE_KEY_ID, 'AssumeRole signed with the source profile');

    assert.ok(recorder.requests.length >= 3, 'GetFunction, DryRun and an Invoke');
    for (const request of recorder.requests) {
      assert.equal(
        request.signedWith,
        sts.issued.accessKeyId,
        `${request.path} signed by the role`,
      );
      assert.equal(request.sessionToken, sts.issued.sessionToken);
    }
  });
});
