import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProducerRecord, SendFailure } from '../kafka';
import { sendFailureOf } from '../kafka/kafkajs/kafkajs-send-errors';
import {
  ReporterEncodingError,
  ReporterError,
  ReporterRejectedError,
} from '../errors/lambda-errors';
import type { KafkaReporter } from './kafka-reporter';
import type { PartitionControls } from '../pipeline/partition-controls';
import { ReporterAbandoned, ReporterRetrier } from './reporter-retrier';

/** A reporter that takes requests up to `maxBytes` of values and answers the rest as a broker would. */
class FakeReporter {
  readonly requests: string[][] = [];
  unavailableFor = 0;

  constructor(private readonly maxBytes = Infinity) {}

  classify(error: unknown): SendFailure {
    return sendFailureOf(error);
  }

  async send(_kind: string, topic: string, records: ProducerRecord[]): Promise<void> {
    if (this.unavailableFor > 0) {
      this.unavailableFor--;
      throw new ReporterError(
        'down',
        { topic },
        { cause: Object.assign(new Error('ECONNREFUSED'), { name: 'KafkaJSNonRetriableError' }) },
      );
    }
    const bytes = records.reduce((n, r) => n + String(r.value).length, 0);
    if (bytes > this.maxBytes) {
      // A broker's protocol error as clients report it: the Kafka error name in `type`.
      const tooLarge = Object.assign(
        new Error('The request included a message larger than the max message size'),
        { name: 'KafkaJSProtocolError', type: 'MESSAGE_TOO_LARGE', code: 10 },
      );
      throw new ReporterError('refused', { topic }, { cause: tooLarge });
    }
    this.requests.push(records.map((r) => String(r.key)));
  }
}

function controls(stop = () => false, signal = new AbortController().signal): PartitionControls {
  return {
    partitionName: 'orders-0',
    resolveOffset: () => undefined,
    commit: async () => true,
    pause: () => undefined,
    retryAt: () => undefined,
    shouldStop: stop,
    signal,
  };
}

const records = (count: number, bytes: number): ProducerRecord[] =>
  Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: 'x'.repeat(bytes) }));

const retrier = (reporter: FakeReporter) =>
  new ReporterRetrier(reporter as unknown as KafkaReporter);

describe('ReporterRetrier', () => {
  it('sends a batch whose records pass 1 MB together in several requests, in order', async () => {
    const reporter = new FakeReporter();
    await retrier(reporter).send('result', 't', records(5, 300_000), controls());
    assert.deepEqual(reporter.requests, [
      ['k0', 'k1', 'k2'],
      ['k3', 'k4'],
    ]);
  });

  it('halves a request the topic finds too large until it passes, never sending a record twice', async () => {
    const reporter = new FakeReporter(250);
    await retrier(reporter).send('error', 't', records(6, 100), controls());
    assert.deepEqual(reporter.requests, [['k0', 'k1'], ['k2'], ['k3', 'k4'], ['k5']]);
  });

  it('rejects a single record the topic cannot take, naming the topic', async () => {
    const reporter = new FakeReporter(50);
    await assert.rejects(
      retrier(reporter).send('result', 'results', records(1, 100), controls()),
      (error: Error) => {
        assert.ok(error instanceof ReporterRejectedError);
        assert.match(error.message, /"results".*max\.message\.bytes/);
        return true;
      },
    );
  });

  it('gives up at once on a record that cannot be encoded, without naming its content', async () => {
    let attempts = 0;
    const unencodable = {
      classify: sendFailureOf,
      send: async (_kind: string, topic: string) => {
        attempts++;
        const cause = new TypeError("Received type string ('secret-value')");
        Object.assign(cause, { code: 'ERR_INVALID_ARG_TYPE' });
        throw new ReporterError('could not write', { topic }, { cause });
      },
    } as unknown as KafkaReporter;
    await assert.rejects(
      new ReporterRetrier(unencodable).send('dlq', 'dead', records(1, 10), controls()),
      (error: Error) => {
        assert.ok(error instanceof ReporterEncodingError);
        assert.ok(error instanceof ReporterRejectedError, 'handled as a rejection for good');
        assert.equal(error.retryable, false);
        assert.match(error.message, /"dead".*TypeError ERR_INVALID_ARG_TYPE/);
        assert.doesNotMatch(error.message, /secret-value/);
        return true;
      },
    );
    assert.equal(attempts, 1, 'not retried');
  });

  it('keeps retrying while the broker is away, then delivers', async () => {
    const reporter = new FakeReporter();
    reporter.unavailableFor = 2;
    await retrier(reporter).send('result', 't', records(2, 10), controls());
    assert.deepEqual(reporter.requests, [['k0', 'k1']]);
  });

  it('gives up without delivering when the partition must stop', async () => {
    const reporter = new FakeReporter();
    reporter.unavailableFor = 1;
    await assert.rejects(
      retrier(reporter).send(
        'result',
        't',
        records(1, 10),
        controls(() => true),
      ),
      ReporterAbandoned,
    );
    assert.deepEqual(reporter.requests, []);
  });

  it('stops waiting for a write that never answers when the sink gives up on in-flight work', async () => {
    const hanging = {
      send: () => new Promise<void>(() => undefined),
    } as unknown as KafkaReporter;
    const abort = new AbortController();
    const sending = new ReporterRetrier(hanging).send(
      'result',
      't',
      records(1, 10),
      controls(() => true, abort.signal),
    );
    setTimeout(() => abort.abort(new Error('shutdown timeout')), 20);
    await assert.rejects(sending, ReporterAbandoned);
  });
});
