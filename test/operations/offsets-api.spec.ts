import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { httpRequestTo } from '../support/http-request';
import { committedOffsets, createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { recordInvocations, sinkProperties, startLambda } from '../support/sink';
import { startService, type RunningService } from '../support/service';

interface Offsets {
  offsets: Array<{
    partition: { kafka_topic: string; kafka_partition: number };
    offset: { kafka_offset: number };
  }>;
}

describe("KIP-875 offsets: what a stopped sink's next start resumes from", () => {
  let lambda: LambdaLocal;
  let service: RunningService;
  let topic: string;
  let name: string;
  const fn = uniqueName('fn');

  const call = (method: string, path: string, body?: unknown) =>
    httpRequestTo(service.url + `/connectors/${name}${path}`, { method, body });
  const offsets = async () => {
    const body = (await call('GET', '/offsets')).body as Offsets;
    return Object.fromEntries(
      body.offsets
        .filter((o) => o.partition.kafka_topic === topic)
        .map((o) => [o.partition.kafka_partition, o.offset.kafka_offset]),
    );
  };
  /** The values Lambda received for a partition, in order, duplicates included. */
  const received = (partition: number) =>
    recordInvocations(lambda, fn).flatMap((i) =>
      (i.event as Array<{ payload: { partition: number; value: string } }>)
        .filter((e) => e.payload.partition === partition)
        .map((e) => e.payload.value),
    );
  const change = (partition: number, offset: number | null) => ({
    partition: { kafka_topic: topic, kafka_partition: partition },
    offset: offset === null ? null : { kafka_offset: offset },
  });
  const resumeAndWait = async (expected: Record<number, number>) => {
    assert.equal((await call('PUT', '/resume')).status, 202);
    assert.ok(
      await eventually(
        async () => JSON.stringify(await offsets()) === JSON.stringify(expected),
        20_000,
      ),
      `offsets reach ${JSON.stringify(expected)}`,
    );
  };

  before(async () => {
    lambda = await startLambda();
    lambda.registerFunction(fn, async (event: unknown) => {
      const values = (event as Array<{ payload: { value: string } }>).map((e) => e.payload.value);
      if (values.some((v) => v.includes('poison'))) throw new Error('poison record');
      return values.map(() => 'ok');
    });
    topic = await createTopic(uniqueName('offsets'), 2);
    name = uniqueName('sink');
    service = await startService(
      sinkProperties(lambda, { name, topics: topic, 'aws.lambda.function.name': fn }),
    );
    await produce(topic, [
      ...['p0-0', 'p0-1', 'p0-2', 'p0-3', 'p0-4'].map((value) => ({ value, partition: 0 })),
      ...['p1-0', 'p1-1', 'p1-2'].map((value) => ({ value, partition: 1 })),
    ]);
    assert.ok(
      await eventually(async () => JSON.stringify(await offsets()) === '{"0":5,"1":3}', 20_000),
    );
  });
  after(async () => {
    await service.app.close();
    await lambda.close();
  });

  it("shows the group's committed offsets in Connect's sink shape", async () => {
    const body = (await call('GET', '/offsets')).body as Offsets;
    assert.deepEqual(body.offsets[0], {
      partition: { kafka_topic: topic, kafka_partition: 0 },
      offset: { kafka_offset: 5 },
    });
  });

  it('refuses changes while the connector runs, as Connect does', async () => {
    const patch = await call('PATCH', '/offsets', { offsets: [change(0, 0)] });
    assert.equal(patch.status, 400);
    assert.match((patch.body as { message: string }).message, /must be in the STOPPED state/);
    assert.equal((await call('DELETE', '/offsets')).status, 400);
  });

  it('replays from a set offset and resets a partition to auto.offset.reset (earliest)', async () => {
    assert.equal((await call('PUT', '/stop')).status, 202);
    const patch = await call('PATCH', '/offsets', { offsets: [change(0, 3), change(1, null)] });
    assert.equal(patch.status, 200, patch.text);
    assert.match((patch.body as { message: string }).message, /altered successfully/);
    // What the API says is what the group holds: the next start reads from here.
    assert.deepEqual(await offsets(), { 0: 3, 1: 0 });
    assert.deepEqual(
      [...(await committedOffsets(`connect-${name}`, topic))],
      [
        [0, 3],
        [1, 0],
      ],
    );
    const before0 = received(0).length;
    const before1 = received(1).length;
    await resumeAndWait({ 0: 5, 1: 3 });
    assert.deepEqual(received(0).slice(before0), ['p0-3', 'p0-4']);
    assert.deepEqual(received(1).slice(before1), ['p1-0', 'p1-1', 'p1-2']);
  });

  it('skips past a poison record that failed its partition', async () => {
    await produce(topic, [
      { value: 'poison', partition: 0 },
      { value: 'p0-6', partition: 0 },
    ]);
    const failedAt = async () => {
      const status = (await service.get(`/connectors/${name}/status`)).body as {
        tasks: Array<{
          partitions: Array<{ partition: number; state: string; failed_at_offset?: number }>;
        }>;
      };
      const p0 = status.tasks[0]?.partitions.find((p) => p.partition === 0);
      return p0?.state === 'FAILED' ? p0.failed_at_offset : undefined;
    };
    assert.ok(await eventually(async () => (await failedAt()) === 5));
    assert.equal((await call('PUT', '/stop')).status, 202);
    assert.equal((await call('PATCH', '/offsets', { offsets: [change(0, 6)] })).status, 200);
    await resumeAndWait({ 0: 7, 1: 3 });
    assert.equal(received(0).at(-1), 'p0-6');
  });

  it('DELETE removes every offset: the next start reads from the beginning', async () => {
    assert.equal((await call('PUT', '/stop')).status, 202);
    const reset = await call('DELETE', '/offsets');
    assert.equal(reset.status, 200, reset.text);
    assert.match((reset.body as { message: string }).message, /reset successfully/);
    assert.deepEqual(await offsets(), {});
    const before1 = received(1).length;
    // The poison record comes again from the beginning and fails partition 0 there; partition
    // 1 shows the replay.
    assert.equal((await call('PUT', '/resume')).status, 202);
    assert.ok(await eventually(() => received(1).length - before1 >= 3, 20_000));
    assert.deepEqual(received(1).slice(before1), ['p1-0', 'p1-1', 'p1-2']);
  });

  it('rejects a malformed change without touching the offsets', async () => {
    assert.equal((await call('PUT', '/stop')).status, 202);
    const bad = await call('PATCH', '/offsets', {
      offsets: [{ partition: { kafka_topic: topic } }],
    });
    assert.equal(bad.status, 400);
    assert.match((bad.body as { message: string }).message, /kafka_partition/);
    assert.equal((await call('PUT', '/resume')).status, 202);
  });
});
