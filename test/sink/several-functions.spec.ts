import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from '../support/kafka';
import { startService, type RunningService } from '../support/service';
import { recordInvocations, sinkProperties, startLambda, startSink } from '../support/sink';
import {
  expectCommitted,
  headerText,
  invokedRecords,
  readTopic,
  recordCount,
} from '../outcomes/support/outcomes';

interface PartitionBody {
  topic: string;
  partition: number;
  function?: string;
}

/** Properties in multiple mode: no aws.lambda.function.name, each topic to its own function. */
function multipleProperties(
  lambda: LambdaLocal,
  topicFunctions: Array<[string, string]>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const properties = sinkProperties(lambda, {
    topics: topicFunctions.map(([topic]) => topic).join(','),
    'aws.lambda.configuration.mode': 'multiple',
    'aws.lambda.topic2function.map': topicFunctions.map(([t, fn]) => `${t};${fn}`).join(','),
    ...extra,
  });
  delete properties['aws.lambda.function.name'];
  return properties;
}

describe('several functions by topic (aws.lambda.configuration.mode=multiple)', () => {
  let lambda: LambdaLocal;
  before(async () => {
    lambda = await startLambda();
  });
  after(() => lambda.close());

  describe('a running sink with two topics and two functions', () => {
    const ordersFn = uniqueName('orders-fn');
    const paymentsFn = uniqueName('payments-fn');
    let orders: string;
    let payments: string;
    let name: string;
    let service: RunningService;

    before(async () => {
      lambda.registerFunction(ordersFn, async (event: unknown) =>
        (event as unknown[]).map(() => 'order ok'),
      );
      lambda.registerFunction(paymentsFn, async (event: unknown) => {
        const values = (event as Array<{ payload: { value: string } }>).map((e) => e.payload.value);
        if (values.includes('poison')) throw new Error('poison payment');
        return values.map(() => 'payment ok');
      });
      orders = await createTopic(uniqueName('orders'), 2);
      payments = await createTopic(uniqueName('payments'));
      name = uniqueName('sink');
      await produce(
        orders,
        Array.from({ length: 6 }, (_, i) => ({
          key: `o${i}`,
          value: `order${i}`,
          partition: i % 2,
        })),
      );
      await produce(
        payments,
        ['pay0', 'poison', 'pay2'].map((value, i) => ({ key: `p${i}`, value })),
      );
      service = await startService(
        multipleProperties(
          lambda,
          [
            [orders, ordersFn],
            [payments, paymentsFn],
          ],
          { name, 'aws.lambda.batch.size': '1', 'behavior.on.error': 'log' },
        ),
      );
      await expectCommitted(`connect-${name}`, orders, { 0: 3, 1: 3 });
      await expectCommitted(`connect-${name}`, payments, { 0: 3 });
    });
    after(() => service.app.close());

    it("invokes each topic's function with that topic's records only", () => {
      const ordersReceived = invokedRecords(lambda, ordersFn);
      const paymentsReceived = invokedRecords(lambda, paymentsFn);
      assert.deepEqual(new Set(ordersReceived.map((r) => r.topic)), new Set([orders]));
      assert.deepEqual(ordersReceived.map((r) => r.value).sort(), [
        'order0',
        'order1',
        'order2',
        'order3',
        'order4',
        'order5',
      ]);
      assert.deepEqual(
        paymentsReceived.map((r) => r.value),
        ['pay0', 'poison', 'pay2'],
      );
      assert.ok(paymentsReceived.every((r) => r.topic === payments));
    });

    it('validated both functions at startup (a DryRun each)', () => {
      for (const fn of [ordersFn, paymentsFn]) {
        const dryRuns = lambda.invocationsOf(fn).filter((i) => i.invocationType === 'DryRun');
        assert.equal(dryRuns.length, 1, fn);
      }
    });

    it('names the failing function on its error-topic record', async () => {
      const errorTopic = `${name}-error`;
      assert.equal(await recordCount(errorTopic), 1);
      const [record] = await readTopic(errorTopic, 1);
      assert.equal(String(record.value), 'poison');
      assert.equal(headerText(record, '__connect.errors.topic'), payments);
      assert.equal(headerText(record, '__lambda.function.name'), paymentsFn);
      assert.match(
        headerText(record, '__connect.errors.exception.message') ?? '',
        new RegExp(paymentsFn),
      );
    });

    it("shows each partition's function in the connector status", async () => {
      const response = await service.get(`/connectors/${name}/status`);
      assert.equal(response.status, 200);
      const partitions = (response.body as { tasks: Array<{ partitions: PartitionBody[] }> })
        .tasks[0].partitions;
      const byTopic = (topic: string) =>
        partitions.filter((p) => p.topic === topic).map((p) => `${p.partition}:${p.function}`);
      assert.deepEqual(byTopic(orders).sort(), [`0:${ordersFn}`, `1:${ordersFn}`]);
      assert.deepEqual(byTopic(payments), [`0:${paymentsFn}`]);
    });

    it('labels the invocation metrics with the function', async () => {
      const { text } = await service.get('/metrics');
      const count = (outcome: string, fn: string) =>
        Number(
          new RegExp(
            `^lambda_sink_invocations_total\\{outcome="${outcome}",function="${fn}"\\} (\\d+)$`,
            'm',
          ).exec(text)?.[1] ?? 0,
        );
      assert.equal(count('success', ordersFn), 6);
      assert.equal(count('success', paymentsFn), 2);
      assert.equal(count('function_error', paymentsFn), 1);
      assert.equal(count('function_error', ordersFn), 0);
      assert.match(
        text,
        new RegExp(`lambda_sink_invocation_duration_seconds_count\\{function="${paymentsFn}"\\} 3`),
      );
    });
  });

  it('stops startup naming every function of the map that does not exist, and invokes nothing', async () => {
    const present = uniqueName('present-fn');
    lambda.registerFunction(present, async () => 'ok');
    const missingA = uniqueName('missing-a');
    const missingB = uniqueName('missing-b');
    const topics = await Promise.all(['a', 'b', 'c'].map((t) => createTopic(uniqueName(t))));
    await produce(topics[0], [{ value: 'x' }]);
    await assert.rejects(
      startSink(
        multipleProperties(lambda, [
          [topics[0], present],
          [topics[1], missingA],
          [topics[2], missingB],
        ]),
      ),
      (error: Error) => {
        assert.match(error.message, /startup validation failed for 2 Lambda functions/);
        assert.match(
          error.message,
          new RegExp(
            `"${missingA}" in region us-east-1 failed at GetFunction: .*ResourceNotFoundException`,
          ),
        );
        assert.match(
          error.message,
          new RegExp(`"${missingB}" in region us-east-1 failed at GetFunction`),
        );
        assert.doesNotMatch(error.message, new RegExp(present));
        return true;
      },
    );
    assert.equal(recordInvocations(lambda, present).length, 0);
  });

  it('stops startup naming the one missing function', async () => {
    const missing = uniqueName('missing');
    const [topic] = await Promise.all([createTopic(uniqueName('only'))]);
    await assert.rejects(
      startSink(multipleProperties(lambda, [[topic, missing]])),
      new RegExp(
        `startup validation of Lambda function "${missing}" in region us-east-1 failed at GetFunction`,
      ),
    );
  });
});
