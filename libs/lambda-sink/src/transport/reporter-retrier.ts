import { Logger } from '@nestjs/common';
import type { Message } from 'kafkajs';
import { describeError } from '../errors/messages';
import { backoffDelayMs, sleep } from '../invocation/retry-backoff';
import type { KafkaReporter, ReporterKind } from '../reporting/kafka-reporter';
import type { PartitionControls } from './partition-controls';

const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;

/** Thrown when the sink stops while a reporter write is still not acknowledged. */
export class ReporterAbandoned extends Error {}

/**
 * Writes reporter records and keeps trying while the reporter's broker is away: the offset of
 * the batch is not committed until the write is acknowledged, so waiting is the only way
 * forward that loses nothing. It gives up only when the partition must stop (shutdown,
 * rebalance), leaving the batch uncommitted for whoever processes it next.
 */
export class ReporterRetrier {
  private readonly logger = new Logger('LambdaSink');

  constructor(private readonly reporter: KafkaReporter) {}

  async send(
    kind: ReporterKind,
    topic: string,
    records: Message[],
    controls: PartitionControls,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.reporter.send(kind, topic, records);
        if (attempt > 1)
          this.logger.log(`reporter topic "${topic}" reachable again after ${attempt} attempts`);
        return;
      } catch (error) {
        if (controls.shouldStop() || controls.signal.aborted)
          throw new ReporterAbandoned(describeError(error));
        if (attempt === 1 || attempt % 10 === 0) {
          this.logger.warn(
            `${describeError(error)}; offsets held back, retrying (attempt ${attempt})`,
          );
        }
        await sleep(backoffDelayMs(attempt, RETRY_BASE_MS, RETRY_MAX_MS), controls.signal);
      }
    }
  }
}
