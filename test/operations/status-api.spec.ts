import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { committedOffsets, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { invokedRecordCount, sinkProperties, startLambda } from '../support/sink';
import { startService, type RunningService } from '../support/service';

interface StatusBody {
  name: string;
  connector: { state: string; worker_id: string };
  tasks: Array<{
    id: number;
    state: string;
    trace?: string;
    partitions: Array<{
      topic: string;
      partition: number;
      state: string;
      committed_offset: number | null;
      lag: number | null;
      trace?: string;
    }>;
  }>;
  type: string;
}

describe('the Connect-style REST API and health of the service', () => {
  let lambda: LambdaLocal;
  let service: RunningService;
  let topic: string;
  let name: string;
  const fn = uniqueName('fn');

  before(async () => {
    lambda = await startLambda();
    lambda.registerFunction(fn, async (event: unknown) => {
      const values = (event as Array<{ payload: { value: string } }>).map((e) => e.payload.value);
      if (values.some((v) => v.includes('poison'))) throw new Error('poison record');
      return values.map(() => 'ok');
    });
    topic = await createTopic(uniqueName('status'), 2);
    name = uniqueName('sink');
    service = await startService(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'aws.lambda.function.name': fn,
        'aws.secret.access.key': 'SECRET-THAT-MUST-NOT-LEAK',
      }),
    );
    await produce(
      topic,
      Array.from({ length: 20 }, (_, i) => ({ value: `v${i}`, partition: i % 2 })),
    );
    assert.ok(await eventually(() => invokedRecordCount(lambda, fn) >= 20));
  });
  after(async () => {
    await service.app.close();
    await lambda.close();
  });

  it("lists the connector and answers status in Kafka Connect's shape with per-partition detail", async () => {
    assert.deepEqual((await service.get('/connectors')).body, [name]);
    assert.ok(
      await eventually(async () => {
        const body = (await service.get(`/connectors/${name}/status`)).body as StatusBody;
        return body.tasks[0]?.partitions.every((p) => p.committed_offset === 10);
      }, 10_000),
    );
    const status = (await service.get(`/connectors/${name}/status`)).body as StatusBody;
    assert.equal(status.name, name);
    assert.equal(status.type, 'sink');
    assert.equal(status.connector.state, 'RUNNING');
    assert.match(status.connector.worker_id, /:\d+$/);
    assert.equal(status.tasks.length, 1);
    assert.equal(status.tasks[0].state, 'RUNNING');
    const partitions = status.tasks[0].partitions.sort((a, b) => a.partition - b.partition);
    assert.deepEqual(
      partitions.map((p) => [p.topic, p.partition, p.state, p.committed_offset, p.lag]),
      [
        [topic, 0, 'RUNNING', 10, 0],
        [topic, 1, 'RUNNING', 10, 0],
      ],
    );
    const info = (await service.get(`/connectors/${name}`)).body as {
      tasks: unknown[];
      type: string;
    };
    assert.deepEqual(info.tasks, [{ connector: name, task: 0 }]);
    assert.equal((await service.get('/connectors/nope/status')).status, 404);
  });

  it('shows the configuration with secrets masked', async () => {
    const config = await service.get(`/connectors/${name}/config`);
    assert.equal((config.body as Record<string, string>)['aws.lambda.function.name'], fn);
    assert.doesNotMatch(config.text, /SECRET-THAT-MUST-NOT-LEAK/);
    assert.equal((config.body as Record<string, string>)['aws.secret.access.key'], '[hidden]');
  });

  it('is live and ready while running', async () => {
    assert.equal((await service.get('/health/live')).status, 200);
    const ready = await service.get('/health/ready');
    assert.equal(ready.status, 200, ready.text);
  });

  it('pauses and resumes on PUT, as Connect does', async () => {
    assert.equal(await service.put(`/connectors/${name}/pause`), 202);
    const status = (await service.get(`/connectors/${name}/status`)).body as StatusBody;
    assert.equal(status.connector.state, 'PAUSED');
    const before = invokedRecordCount(lambda, fn);
    await produce(topic, [{ value: 'while-paused', partition: 0 }]);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(invokedRecordCount(lambda, fn), before, 'nothing is invoked while paused');
    assert.equal(await service.put(`/connectors/${name}/resume`), 202);
    assert.ok(await eventually(() => invokedRecordCount(lambda, fn) > before));
    assert.equal(
      ((await service.get(`/connectors/${name}/status`)).body as StatusBody).connector.state,
      'RUNNING',
    );
  });

  it('reports a failed partition in status and readiness, and resumes it on request', async () => {
    await produce(topic, [{ value: 'poison', partition: 1 }]);
    assert.ok(
      await eventually(async () => (await service.get('/health/ready')).status === 503, 15_000),
      'readiness goes DOWN',
    );
    const ready = await service.get('/health/ready');
    assert.match(ready.text, new RegExp(`"topic":"${topic}","partition":1`));
    assert.match(ready.text, /poison record/);
    const status = (await service.get(`/connectors/${name}/status`)).body as StatusBody;
    const failed = status.tasks[0].partitions.find((p) => p.partition === 1);
    assert.equal(failed?.state, 'FAILED');
    assert.match(failed?.trace ?? '', /poison record/);
    const committed = (await committedOffsets(`connect-${name}`, topic)).get(1);
    assert.equal(committed, 10, 'nothing committed past the last success');

    lambda.registerFunction(fn, async (event: unknown) => (event as unknown[]).map(() => 'fixed'));
    assert.equal(await service.put(`/connectors/${name}/partitions/${topic}/1/resume`), 202);
    assert.ok(
      await eventually(
        async () => (await committedOffsets(`connect-${name}`, topic)).get(1) === 11,
        15_000,
      ),
    );
    assert.equal((await service.get('/health/ready')).status, 200);
  });

  it('exports Prometheus metrics for records, invocations, latency, batch size, lag and in-flight', async () => {
    const metrics = await service.get('/metrics');
    assert.equal(metrics.status, 200);
    for (const series of [
      'lambda_sink_records_consumed_total',
      `lambda_sink_invocations_total{outcome="success",function="${fn}"}`,
      `lambda_sink_invocations_total{outcome="function_error",function="${fn}"}`,
      'lambda_sink_invocation_duration_seconds_bucket',
      'lambda_sink_batch_records_bucket',
      'lambda_sink_consumer_lag_records',
      'lambda_sink_invocations_in_flight',
      'lambda_sink_reporter_records_total{kind="result"}',
    ]) {
      assert.ok(metrics.text.includes(series), `has ${series}`);
    }
    const consumed = [
      ...metrics.text.matchAll(/^lambda_sink_records_consumed_total\{[^}]*\} (\d+)$/gm),
    ].reduce((n, m) => n + Number(m[1]), 0);
    assert.ok(consumed >= 22, `counted ${consumed} consumed records`);
    assert.doesNotMatch(metrics.text, /SECRET-THAT-MUST-NOT-LEAK/);
  });
});
