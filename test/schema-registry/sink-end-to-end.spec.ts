import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { avroBytes, registryUrl } from '../support/schema-registry';
import {
  expectCommitted,
  headerText,
  invokedRecords,
  pause,
  readTopic,
  recordCount,
  withSink,
} from '../outcomes/support/outcomes';

const AVRO = 'io.confluent.connect.avro.AvroConverter';

const user = {
  type: 'record',
  name: 'User',
  namespace: 'demo',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'email', type: ['null', 'string'], default: null },
    { name: 'joined', type: { type: 'int', logicalType: 'date' } },
  ],
};

/**
 * A registry in front of the real one that can be taken "down" (503), as a registry outage
 * looks to a client.
 */
async function flakyRegistry(): Promise<{ url: string; down: boolean; close(): void }> {
  const target = new URL(registryUrl);
  const state = { url: '', down: true, close: () => server.close() };
  const server: Server = createServer((req, res) => {
    if (state.down) {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end('{"error_code":50301,"message":"down for the test"}');
      return;
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

describe('a sink reading Avro keys and values from a real Schema Registry', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('sends Lambda the decoded key and value; a record without the magic byte or with an unknown schema id goes to the DLQ with the reason', async () => {
    const topic = await createTopic(uniqueName('sr-avro'));
    const name = uniqueName('sink');
    const dlq = `${name}-dlq`;
    const key = await avroBytes(topic, '"string"', 'user-1', 'key');
    const value = await avroBytes(topic, user, {
      id: 42,
      email: { string: 'a@b.c' },
      joined: 19_000,
    });
    const unknownId = Buffer.from(value);
    unknownId.writeInt32BE(987_654_321, 1);
    await produce(topic, [
      { key, value },
      { key, value: Buffer.from('{"plain":"json"}') },
      { key, value: unknownId },
      { key: null, value: null },
    ]);
    await withSink(
      sinkProperties(lambda, {
        name,
        topics: topic,
        'key.converter': AVRO,
        'key.converter.schema.registry.url': registryUrl,
        'value.converter': AVRO,
        // Several URLs: the first is not listening, the second is the registry.
        'value.converter.schema.registry.url': `http://127.0.0.1:1,${registryUrl}`,
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': dlq,
        'errors.deadletterqueue.context.headers.enable': 'true',
      }),
      async () => {
        await expectCommitted(`connect-${name}`, topic, { 0: 4 });
      },
    );
    const invoked = invokedRecords(lambda, 'success').filter((r) => r.topic === topic);
    assert.deepEqual(
      invoked.map((r) => [r.offset, r.key, r.value]),
      [
        [0, 'user-1', { id: 42, email: 'a@b.c', joined: 19_000 }],
        [3, null, null],
      ],
    );
    assert.equal(await recordCount(dlq), 2);
    const dead = await readTopic(dlq, 2);
    assert.deepEqual(
      dead.map((r) => headerText(r, '__connect.errors.offset')),
      ['1', '2'],
    );
    assert.equal(headerText(dead[0], '__connect.errors.stage'), 'VALUE_CONVERTER');
    assert.equal(headerText(dead[0], '__connect.errors.class.name'), AVRO);
    assert.match(
      headerText(dead[0], '__connect.errors.exception.message') ?? '',
      /Unknown magic byte/,
    );
    assert.match(
      headerText(dead[1], '__connect.errors.exception.message') ?? '',
      /schema ID 987654321: not found/,
    );
  });

  it('waits while the registry is down and delivers every record once it is back, skipping none', async () => {
    const registry = await flakyRegistry();
    try {
      const topic = await createTopic(uniqueName('sr-down'));
      const name = uniqueName('sink');
      const values = await Promise.all(
        [1, 2, 3].map((id) => avroBytes(topic, user, { id, email: null, joined: 1 })),
      );
      await produce(
        topic,
        values.map((value) => ({ value })),
      );
      await withSink(
        sinkProperties(lambda, {
          name,
          topics: topic,
          'value.converter': AVRO,
          'value.converter.schema.registry.url': registry.url,
          'errors.tolerance': 'all',
          'errors.deadletterqueue.topic.name': `${name}-dlq`,
        }),
        async (engine) => {
          await pause(1500);
          const reached = () => invokedRecords(lambda, 'success').filter((r) => r.topic === topic);
          assert.equal(reached().length, 0, 'nothing is invoked while the registry is down');
          assert.equal(engine.status.tasks[0].state, 'RUNNING');
          registry.down = false;
          assert.ok(await eventually(() => reached().length === 3), 'all three arrive');
          assert.deepEqual(
            reached().map((r) => (r.value as { id: number }).id),
            [1, 2, 3],
          );
          await expectCommitted(`connect-${name}`, topic, { 0: 3 });
        },
      );
      assert.equal(await recordCount(`${name}-dlq`), 0, 'nothing was dead-lettered');
    } finally {
      registry.close();
    }
  });
});
