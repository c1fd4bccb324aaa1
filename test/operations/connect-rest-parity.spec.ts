import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { httpRequestTo } from '../support/http-request';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda } from '../support/sink';
import { startService, type RunningService } from '../support/service';

interface Status {
  connector: { state: string; trace?: string };
  tasks: Array<{
    id: number;
    state: string;
    partitions: Array<{ partition: number; state: string }>;
  }>;
}

describe("Kafka Connect's restart, stop and expand on the REST API", () => {
  let lambda: LambdaLocal;
  let service: RunningService;
  let topic: string;
  let name: string;
  const fn = uniqueName('fn');
  let fixed = false;

  const status = async () => (await service.get(`/connectors/${name}/status`)).body as Status;
  const call = (method: string, path: string) => httpRequestTo(service.url + path, { method });
  const partitionStates = async () =>
    (await status()).tasks.flatMap((t) => t.partitions.map((p) => p.state));

  before(async () => {
    lambda = await startLambda();
    lambda.registerFunction(fn, async (event: unknown) => {
      const values = (event as Array<{ payload: { value: string } }>).map((e) => e.payload.value);
      if (!fixed && values.some((v) => v.includes('poison'))) throw new Error('poison record');
      return values.map(() => 'ok');
    });
    topic = await createTopic(uniqueName('parity'), 2);
    name = uniqueName('sink');
    service = await startService(
      sinkProperties(lambda, { name, topics: topic, 'aws.lambda.function.name': fn }),
    );
    await produce(topic, [
      { value: 'a', partition: 0 },
      { value: 'b', partition: 1 },
    ]);
    assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 2));
  });
  after(async () => {
    await service.app.close();
    await lambda.close();
  });

  it('answers GET /connectors?expand=status&expand=info with a map of name to both', async () => {
    const both = (await service.get('/connectors?expand=status&expand=info')).body as Record<
      string,
      {
        status: Status & { name: string; type: string };
        info: { name: string; type: string; config: object };
      }
    >;
    assert.deepEqual(Object.keys(both), [name]);
    assert.equal(both[name].status.name, name);
    assert.equal(both[name].status.connector.state, 'RUNNING');
    assert.equal(both[name].info.type, 'sink');
    assert.equal(
      (both[name].info.config as Record<string, string>)['aws.secret.access.key'],
      '[hidden]',
    );
    const statusOnly = (await service.get('/connectors?expand=status')).body as Record<
      string,
      object
    >;
    assert.deepEqual(Object.keys(statusOnly[name]), ['status']);
    assert.deepEqual((await service.get('/connectors')).body, [name]);
  });

  it('restarts nothing on onlyFailed when nothing failed (202, nothing RESTARTING)', async () => {
    const answer = await call(
      'POST',
      `/connectors/${name}/restart?includeTasks=true&onlyFailed=true`,
    );
    assert.equal(answer.status, 202);
    assert.ok(!answer.text.includes('RESTARTING'));
    assert.equal((await status()).connector.state, 'RUNNING');
  });

  it('answers the plain restart with 204 and refuses a flag that is not a boolean', async () => {
    assert.equal((await call('POST', `/connectors/${name}/restart`)).status, 204);
    assert.equal((await call('POST', `/connectors/${name}/restart?includeTasks=yes`)).status, 400);
  });

  it('restarts the failed task with includeTasks&onlyFailed, which retries a FAILED partition', async () => {
    await produce(topic, [{ value: 'poison', partition: 0 }]);
    assert.ok(await eventually(async () => (await partitionStates()).includes('FAILED')));
    fixed = true;
    const answer = await call(
      'POST',
      `/connectors/${name}/restart?includeTasks=true&onlyFailed=true`,
    );
    assert.equal(answer.status, 202);
    const body = answer.body as Status;
    assert.equal(body.connector.state, 'RESTARTING');
    assert.ok(body.tasks.every((t) => t.state === 'RESTARTING'));
    assert.ok(
      await eventually(async () => {
        const s = await status();
        return (
          s.connector.state === 'RUNNING' &&
          s.tasks[0]?.partitions.length === 2 &&
          s.tasks[0].partitions.every((p) => p.state === 'RUNNING')
        );
      }, 20_000),
    );
    assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 3));
  });

  it('stops (STOPPED, no tasks, not ready) and resumes from there', async () => {
    assert.equal((await call('PUT', `/connectors/${name}/stop`)).status, 202);
    const stopped = await status();
    assert.equal(stopped.connector.state, 'STOPPED');
    assert.deepEqual(stopped.tasks, []);
    assert.equal((await service.get('/health/ready')).status, 503);
    assert.equal(service.engine.running, false);

    assert.equal((await call('PUT', `/connectors/${name}/resume`)).status, 202);
    assert.ok(
      await eventually(async () => {
        const s = await status();
        return s.connector.state === 'RUNNING' && s.tasks[0]?.partitions.length === 2;
      }, 20_000),
    );
    await produce(topic, [{ value: 'after-stop', partition: 1 }]);
    assert.ok(
      await eventually(() =>
        lambda.invocationsOf(fn).some((i) => i.payload?.includes('after-stop')),
      ),
    );
  });
});
