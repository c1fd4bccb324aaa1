import { Logger } from '@nestjs/common';
import type { ProducerRecord } from '../kafka';
import { ReporterEncodingError, ReporterRejectedError } from '../errors/lambda-errors';
import { describeError, messages } from '../errors/messages';
import { backoffDelayMs, sleep } from '../invocation/retry-backoff';
import type { KafkaReporter, ReporterKind } from './kafka-reporter';
import { messageChunks } from './reporter-chunks';
import type { PartitionControls } from '../pipeline/partition-controls';

const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;
const WARN_EVERY_MS = 30_000;

/** Thrown when the sink stops while a reporter write is still not acknowledged. */
export class ReporterAbandoned extends Error {}

/**
 * Writes reporter records and keeps trying while the reporter's broker is away: the offset of
 * the batch is not committed until the write is acknowledged, so waiting is the only way
 * forward that loses nothing. It gives up only when the partition must stop (shutdown,
 * rebalance), leaving the batch uncommitted for whoever processes it next.
 *
 * Records go out in requests small enough for a topic with Kafka's default size limit, in
 * order, each retried on its own so an acknowledged request is never sent twice. A request the
 * topic still finds too large is halved until single records are left; a record the cluster
 * refuses for good throws ReporterRejectedError, which stops the partition (outcome policy); so
 * does a record that cannot even be encoded here (ReporterEncodingError, a kind of rejection).
 */
export class ReporterRetrier {
  private readonly logger = new Logger('LambdaSink reporter');

  constructor(private readonly reporter: KafkaReporter) {}

  async send(
    kind: ReporterKind,
    topic: string,
    records: Iterable<ProducerRecord>,
    controls: PartitionControls,
  ): Promise<void> {
    // Chunk by chunk: records made lazily (a batch's results) are built only as they are sent.
    for (const chunk of messageChunks(records)) {
      await this.sendChunk(kind, topic, chunk, controls);
    }
  }

  private async sendChunk(
    kind: ReporterKind,
    topic: string,
    records: ProducerRecord[],
    controls: PartitionControls,
  ): Promise<void> {
    let lastWarnAt = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await untilAborted(this.reporter.send(kind, topic, records), controls.signal);
        if (attempt > 1)
          this.logger.log(`reporter topic "${topic}" reachable again after ${attempt} attempts`);
        return;
      } catch (error) {
        if (error instanceof ReporterAbandoned) throw error;
        const failure = this.reporter.classify(error);
        if (failure.kind === 'too-large' && records.length > 1) {
          // Nothing of a refused batch was written, so its halves can go out without duplicates.
          const half = Math.ceil(records.length / 2);
          await this.sendChunk(kind, topic, records.slice(0, half), controls);
          await this.sendChunk(kind, topic, records.slice(half), controls);
          return;
        }
        if (failure.kind === 'unencodable') {
          throw new ReporterEncodingError(
            messages.reporterEncodingFailed(topic, failure.what),
            { topic },
            { cause: error },
          );
        }
        if (failure.kind !== 'unavailable') {
          // The broker's own words, not the reporter's wrapper that repeats the topic name.
          const cause = (error as { cause?: unknown }).cause ?? error;
          throw new ReporterRejectedError(
            messages.reporterRejected(topic, describeError(cause)),
            { topic },
            { cause: error },
          );
        }
        if (controls.shouldStop() || controls.signal.aborted)
          throw new ReporterAbandoned(describeError(error));
        // The first failure, then at most one line per WARN_EVERY_MS while it lasts: with the
        // backoff at its 30 s ceiling, "every 10th attempt" would have been one per five minutes.
        if (attempt === 1 || Date.now() - lastWarnAt >= WARN_EVERY_MS) {
          lastWarnAt = Date.now();
          this.logger.warn(
            `${describeError(error)}; offsets of ${controls.partitionName} ` +
              `held back, retrying (attempt ${attempt})`,
          );
        }
        await sleep(backoffDelayMs(attempt, RETRY_BASE_MS, RETRY_MAX_MS), controls.signal);
      }
    }
  }
}

/**
 * `work`, unless the sink gives up on in-flight work first (shutdown timeout). A produce to an
 * unreachable broker takes kafkajs' whole retry budget (tens of seconds) to fail and cannot be
 * cancelled, so the shutdown stops waiting for it instead: the batch stays uncommitted, and
 * whether the write lands later or not, the next run writes it again — at least once.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(
        new ReporterAbandoned('the sink stopped waiting for an unacknowledged reporter write'),
      );
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    // Settling after an abort is harmless: a promise settles once, so the late outcome is dropped.
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
