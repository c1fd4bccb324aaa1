import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { connectorStatusBody } from '../../libs/lambda-sink/src/testing';
import { createTopic, eventually, produce, uniqueName } from '../support/kafka';
import { sinkProperties, startLambda } from '../support/sink';
import { expectCommitted, withSink } from '../outcomes/support/outcomes';

describe('status of idle partitions after a restart', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  it('shows their committed offset and lag from the assignment on, with no new record', async () => {
    const topic = await createTopic(uniqueName('idle-status'), 2);
    await produce(
      topic,
      Array.from({ length: 6 }, (_, i) => ({ partition: i % 2, value: `v${i}` })),
    );
    const properties = sinkProperties(lambda, { topics: topic });
    await withSink(properties, () =>
      expectCommitted(`connect-${properties.name}`, topic, { 0: 3, 1: 3 }),
    );

    await withSink(properties, async (engine) => {
      const partitions = () =>
        connectorStatusBody(properties.name, engine.status, 'w').tasks[0]?.partitions ?? [];
      assert.ok(
        await eventually(
          () => partitions().every((p) => p.committed_offset === 3) && partitions().length === 2,
        ),
        JSON.stringify(partitions()),
      );
      for (const p of partitions()) {
        assert.equal(p.high_watermark, 3);
        assert.equal(p.lag, 0);
      }
    });
  });
});
