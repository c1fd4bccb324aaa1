import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { isolateAwsEnvironment } from '../../libs/lambda-sink/src/testing';
import { optionsFromConnectProperties } from '../../libs/lambda-sink/src';
import { SinkMetrics } from '../../libs/lambda-sink/src';
import { LambdaSinkEngine } from '../../libs/lambda-sink/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda } from '../support/sink';
import { startAwsRequestRecorder, type AwsRequestRecorder } from './aws-request-recorder';

const dir = mkdtempSync(join(tmpdir(), 'lambda-sink-creds-it-'));

/** The sink's properties with no static keys unless `extra` sets them. */
function propertiesWithout(
  lambda: LambdaLocal,
  endpoint: string,
  extra: Record<string, string>,
): Record<string, string> {
  const properties = sinkProperties(lambda, {
    'aws.lambda.endpoint': endpoint,
    'reporter.result.topic.name': '',
    'reporter.error.topic.name': '',
  });
  delete properties['aws.access.key.id'];
  delete properties['aws.secret.access.key'];
  return { ...properties, ...extra };
}

/** Runs a sink over two records and returns once Lambda got them. */
async function runOverTwoRecords(lambda: LambdaLocal, properties: Record<string, string>) {
  const topic = await createTopic(uniqueName('creds'));
  const fn = uniqueName('fn');
  lambda.registerFunction(fn, async () => 'ok');
  await produce(topic, [{ value: '1' }, { value: '2' }]);
  const engine = new LambdaSinkEngine(
    optionsFromConnectProperties({ ...properties, topics: topic, 'aws.lambda.function.name': fn }),
    new SinkMetrics(),
  );
  try {
    await engine.start();
    assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 2), 'records invoked');
  } finally {
    await engine.stop();
  }
}

/** Starts a sink expected to fail startup, and returns the error. */
async function startupError(properties: Record<string, string>): Promise<Error> {
  const engine = new LambdaSinkEngine(
    optionsFromConnectProperties({ ...properties, topics: uniqueName('never-created') }),
    new SinkMetrics(),
  );
  try {
    await engine.start();
  } catch (error) {
    return error as Error;
  } finally {
    await engine.stop();
  }
  assert.fail('startup should have failed');
}

describe('which AWS credentials sign the sink’s Lambda requests', () => {
  let lambda: LambdaLocal;
  let recorder: AwsRequestRecorder;
  before(async () => {
    lambda = await startLambda();
    recorder = await startAwsRequestRecorder(lambda.url);
  });
  after(async () => {
    await recorder.close();
    await lambda.close();
  });
  isolateAwsEnvironment();
  beforeEach(() => {
    recorder.requests.length = 0;
  });

  const signers = () => new Set(recorder.requests.map((r) => r.signedWith));
  const invokes = () => recorder.requests.filter((r) => r.path.includes('/invocations'));

  it('static aws.access.key.id / aws.secret.access.key win over aws.credentials.provider.class', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAFROMENVIRONMENT';
    process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';
    await runOverTwoRecords(
      lambda,
      propertiesWithout(lambda, recorder.url, {
        'aws.access.key.id': 'AKIASTATICKEYS',
        'aws.secret.access.key': 'static-secret',
        'aws.credentials.provider.class':
          'com.amazonaws.auth.EnvironmentVariableCredentialsProvider',
      }),
    );
    assert.deepEqual(signers(), new Set(['AKIASTATICKEYS']));
    // GetFunction, the DryRun and at least one Invoke carrying records.
    assert.ok(invokes().length >= 2);
  });

  it('EnvironmentVariableCredentialsProvider signs with AWS_ACCESS_KEY_ID', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAFROMENVIRONMENT';
    process.env.AWS_SECRET_ACCESS_KEY = 'environment-secret';
    await runOverTwoRecords(
      lambda,
      propertiesWithout(lambda, recorder.url, {
        'aws.credentials.provider.class': 'EnvironmentVariableCredentialsProvider',
      }),
    );
    assert.deepEqual(signers(), new Set(['AKIAFROMENVIRONMENT']));
  });

  it('a module path: signs with the credentials its exported provider returns', async () => {
    const module = join(dir, 'vault-provider.js');
    writeFileSync(
      module,
      'module.exports = async () => ({ accessKeyId: "AKIAFROMMODULE", secretAccessKey: "m", sessionToken: "module-token" });\n',
    );
    await runOverTwoRecords(
      lambda,
      propertiesWithout(lambda, recorder.url, { 'aws.credentials.provider.class': module }),
    );
    assert.deepEqual(signers(), new Set(['AKIAFROMMODULE']));
    assert.ok(recorder.requests.every((r) => r.sessionToken === 'module-token'));
  });

  it('no credentials from the configured provider: startup fails naming the function, the region and the provider', async () => {
    const error = await startupError(
      propertiesWithout(lambda, recorder.url, {
        'aws.lambda.function.name': 'success',
        'aws.lambda.region': 'eu-west-1',
        'aws.credentials.provider.class':
          'com.amazonaws.auth.EnvironmentVariableCredentialsProvider',
      }),
    );
    assert.match(error.message, /Lambda function "success"/);
    assert.match(error.message, /region eu-west-1/);
    assert.match(error.message, /GetFunction/);
    assert.match(error.message, /EnvironmentVariableCredentialsProvider/);
    assert.equal(recorder.requests.length, 0, 'nothing unsigned was sent');
  });

  it('a profile that does not exist: startup fails naming the profile', async () => {
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'creds-no-such-profile');
    writeFileSync(
      process.env.AWS_SHARED_CREDENTIALS_FILE,
      '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = d\n',
    );
    process.env.AWS_PROFILE = 'production-typo';
    const error = await startupError(
      propertiesWithout(lambda, recorder.url, {
        'aws.credentials.provider.class': 'com.amazonaws.auth.profile.ProfileCredentialsProvider',
      }),
    );
    assert.match(error.message, /Lambda function "success" in region us-east-1/);
    assert.match(error.message, /production-typo/);
  });

  it('a provider module that cannot be loaded: startup fails naming the module', async () => {
    const error = await startupError(
      propertiesWithout(lambda, recorder.url, {
        'aws.credentials.provider.class': './no/such/provider.js',
      }),
    );
    assert.match(error.message, /Lambda function "success" in region us-east-1/);
    assert.match(error.message, /cannot load module "\.\/no\/such\/provider\.js"/);
  });
});
