import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KafkaClientPort, ProducerPort } from '../kafka';
import { SinkMetrics } from '../operations/metrics/sink-metrics';
import { KafkaReporter } from './kafka-reporter';

/** A Kafka client whose producer acknowledges or refuses every send. */
function kafkaThat(acks: boolean): KafkaClientPort {
  const producer: ProducerPort = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    send: async () => {
      if (!acks) throw new Error('broker unavailable');
    },
    classify: () => ({ kind: 'unavailable' }),
  };
  return { producer: () => producer } as unknown as KafkaClientPort;
}

const valueOf = async (metrics: SinkMetrics, series: string) =>
  (await metrics.registry.metrics())
    .split('\n')
    .find((line) => line.startsWith(`${series} `))
    ?.split(' ')[1];

describe('KafkaReporter metrics', () => {
  it('counts acknowledged records and failed writes by topic kind', async () => {
    const metrics = new SinkMetrics({ processMetrics: false });
    await new KafkaReporter(kafkaThat(true), metrics).send('result', 't', [
      { key: null, value: 'a' },
    ]);
    const failing = new KafkaReporter(kafkaThat(false), metrics);
    await assert.rejects(failing.send('error', 't-error', [{ key: null, value: 'b' }]), /t-error/);
    assert.equal(await valueOf(metrics, 'lambda_sink_reporter_records_total{kind="result"}'), '1');
    assert.equal(await valueOf(metrics, 'lambda_sink_reporter_errors_total{kind="error"}'), '1');
  });
});
