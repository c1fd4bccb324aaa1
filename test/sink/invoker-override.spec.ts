import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  LambdaInvokerService,
  LambdaSinkEngine,
  LambdaSinkModule,
  type InvocationResult,
  type InvocationTarget,
} from '../../libs/lambda-sink/src';
import {
  bootstrapServers,
  committedOffsets,
  createTopic,
  eventually,
  produce,
  uniqueName,
} from '../support/kafka';

/** A stand-in a host writes: no Lambda at all, every batch answered in memory. */
class RecordingInvoker {
  readonly batches: { target: InvocationTarget; elements: unknown[] }[] = [];
  opened = false;
  closed = false;
  validate(): Promise<void> {
    return Promise.resolve();
  }
  open(): void {
    this.opened = true;
  }
  invoke(payload: Uint8Array, target: InvocationTarget): Promise<InvocationResult> {
    const elements = JSON.parse(Buffer.from(payload).toString('utf8')) as unknown[];
    this.batches.push({ target, elements });
    const answer = elements.map(() => ({ payload: { handled: 'in memory' } }));
    return Promise.resolve({
      statusCode: 200,
      responsePayload: JSON.stringify(answer),
      attempts: 1,
      durationMs: 0,
    });
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

describe('LambdaInvokerService as a Nest provider', () => {
  let moduleRef: TestingModule | undefined;
  after(() => moduleRef?.close());

  it('a host overrides LambdaInvokerService in Test.createTestingModule: the sink consumes, invokes the override, commits', async () => {
    const topic = await createTopic(uniqueName('override'));
    await produce(topic, [{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    const fake = new RecordingInvoker();
    // No Lambda endpoint runs in this spec: the URL points at a closed port, so a call that
    // bypassed the override would fail the run instead of passing unnoticed.
    const properties = {
      name: uniqueName('sink'),
      'bootstrap.servers': bootstrapServers,
      topics: topic,
      'aws.lambda.function.name': 'never-called',
      'aws.lambda.endpoint': 'http://127.0.0.1:9',
      'aws.lambda.region': 'us-east-1',
      'aws.access.key.id': 'test-key-id',
      'aws.secret.access.key': 'test-secret-key',
      'reporter.result.topic.replication.factor': '1',
      'reporter.error.topic.replication.factor': '1',
    };
    moduleRef = await Test.createTestingModule({
      imports: [LambdaSinkModule.forRoot({ properties })],
    })
      .overrideProvider(LambdaInvokerService)
      .useValue(fake)
      .compile();
    moduleRef.useLogger(false);
    await moduleRef.init();

    assert.ok(moduleRef.get(LambdaSinkEngine).running, 'the module started the sink');
    assert.ok(fake.opened);
    assert.ok(await eventually(() => fake.batches.flatMap((b) => b.elements).length === 3));
    const values = fake.batches.flatMap((b) =>
      b.elements.map((e) => (e as { payload: { value: string } }).payload.value),
    );
    assert.deepEqual(values, ['a', 'b', 'c']);
    assert.equal(fake.batches[0].target.topic, topic);
    const group = `connect-${properties.name}`;
    assert.ok(
      await eventually(async () => (await committedOffsets(group, topic)).get(0) === 3),
      'offsets committed after the override answered',
    );
    await moduleRef.close();
    moduleRef = undefined;
    assert.ok(fake.closed, 'closed at shutdown');
  });
});
