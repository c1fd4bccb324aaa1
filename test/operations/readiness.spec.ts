import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { committedOffsets, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda } from '../support/sink';
import { startService, type RunningService } from '../support/service';

interface ReadyBody {
  status: string;
  info?: Record<string, ReadyDetails>;
  error?: Record<string, ReadyDetails>;
}
interface ReadyDetails {
  retryingPartitions: unknown[];
  failedPartitions: Array<{ topic: string; partition: number }>;
}

const detailsOf = (body: ReadyBody) => (body.info ?? body.error ?? {})['lambda-sink'];

describe('readiness of the service against Lambda trouble', () => {
  let lambda: LambdaLocal;
  const services: RunningService[] = [];
  before(async () => {
    lambda = await startLambda();
  });
  after(async () => {
    for (const service of services) await service.app.close();
    await lambda.close();
  });

  async function serviceFor(fn: string, topic: string, extra: Record<string, string> = {}) {
    const name = uniqueName('sink');
    const service = await startService(
      sinkProperties(lambda, { name, topics: topic, 'aws.lambda.function.name': fn, ...extra }),
    );
    services.push(service);
    assert.ok(await eventually(async () => (await service.get('/health/ready')).status === 200));
    return { service, groupId: `connect-${name}` };
  }

  it('stays ready while a throttled batch is retried, and says which partition waits', async () => {
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event) => (event as unknown[]).map(() => 'ok'));
    const topic = await createTopic(uniqueName('ready-throttle'));
    const { service, groupId } = await serviceFor(fn, topic, {
      'aws.lambda.max.retries': '6',
      'aws.lambda.retry.backoff.ms': '400',
      'aws.lambda.retry.backoff.max.ms': '400',
    });
    lambda.setFaults(fn, { throttle: { firstN: 4, retryAfterSeconds: 0 } });
    await produce(topic, [{ value: 'a' }, { value: 'b' }]);

    const answers: number[] = [];
    let sawRetrying = false;
    const done = async () => (await committedOffsets(groupId, topic)).get(0) === 2;
    while (!(await done())) {
      const ready = await service.get('/health/ready');
      answers.push(ready.status);
      sawRetrying ||= (detailsOf(ready.body as ReadyBody)?.retryingPartitions.length ?? 0) > 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(sawRetrying, 'the readiness body listed the retrying partition');
    assert.deepEqual([...new Set(answers)], [200], 'ready throughout the retries');
  });

  it('keeps a replica with a FAILED partition ready when readiness.failed.partitions=up', async () => {
    const fn = uniqueName('fn');
    lambda.registerFunction(fn, async (event) => {
      const values = (event as Array<{ payload: { value: string } }>).map((e) => e.payload.value);
      if (values.includes('poison')) throw new Error('poison record');
      return values.map(() => 'ok');
    });
    const topic = await createTopic(uniqueName('ready-up'));
    const { service } = await serviceFor(fn, topic, { 'readiness.failed.partitions': 'up' });
    await produce(topic, [{ value: 'poison' }]);
    assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 1));
    assert.ok(
      await eventually(async () => {
        const metrics = (await service.get('/metrics')).text;
        return metrics.includes(
          `lambda_sink_partition_state{topic="${topic}",partition="0",state="FAILED"} 1`,
        );
      }),
      'the partition is FAILED in the metrics',
    );
    const ready = await service.get('/health/ready');
    assert.equal(ready.status, 200, ready.text);
    assert.deepEqual(
      detailsOf(ready.body as ReadyBody).failedPartitions.map((p) => [p.topic, p.partition]),
      [[topic, 0]],
      'the failure is still shown',
    );
  });
});
