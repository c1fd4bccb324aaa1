import type { LambdaBatch } from '../batching/lambda-batch';
import type { ConvertedRecord } from '../conversion/kafka-record';
import type { AttemptAnswer } from '../error-controls/batch-recovery';
import { LambdaConfigurationError, PayloadTooLargeError } from '../errors/lambda-errors';
import { RetryDeferred } from '../invocation/lambda-invoker';
import { resultMessages } from '../reporting/result-messages';
import type { PartitionStatus } from '../operations/status/sink-status';
import type { FailureHandler, FailureVerdict } from './failure-handler';
import type { PartitionControls } from './partition-controls';
import type { PartitionProcessorDeps } from './partition-processor';
import type { RetryAnnouncer } from './retry-announcer';

/**
 * Backoffs up to this long are waited out in the batch handler; longer ones with the partition
 * paused. A paused partition is fetched again only with the consumer's next fetch, which may
 * be a long poll of up to a second (the kafkajs adapter's maxWaitTimeInMs): for a short backoff that
 * refetch would cost more than the wait, while a long one must not hold back the partitions
 * kafkajs fetches together with this one.
 */
const WAIT_IN_PLACE_UP_TO_MS = 1000;

/** A partition's calls to the function, and the result records of those that succeeded. */
export class LambdaCalls {
  constructor(
    private readonly deps: Pick<
      PartitionProcessorDeps,
      'invoker' | 'metrics' | 'options' | 'reporter'
    >,
    private readonly retries: RetryAnnouncer,
  ) {}

  /**
   * Invokes a batch once, transient errors retried inside. A failure that is not a function
   * error (configuration, payload too large, transient retries exhausted) is handled by the
   * policy here. `deferLongRetries`: a long backoff pauses the partition (`retry-later`) instead
   * of being waited out in place.
   */
  async attempt(
    batch: LambdaBatch,
    status: PartitionStatus,
    failures: FailureHandler,
    controls: PartitionControls,
    deferLongRetries: boolean,
  ): Promise<AttemptAnswer> {
    const { invoker, metrics } = this.deps;
    metrics.batchSize.observe(batch.records.length);
    // The invoker takes a slot of `aws.lambda.max.in.flight` for each attempt on the wire.
    let result;
    try {
      result = await invoker.invoke(batch.payload, batch, controls.signal, {
        firstAttempt: this.retries.attemptsSoFar(status, batch.firstOffset) + 1,
        deferRetriesOverMs: deferLongRetries ? WAIT_IN_PLACE_UP_TO_MS : undefined,
        onRetry: (attempt, delayMs, reason) =>
          this.retries.retrying(status, batch, attempt, delayMs, reason),
      });
    } catch (error) {
      if (controls.signal.aborted) throw error;
      if (error instanceof RetryDeferred) return { kind: 'handled', verdict: 'retry-later' };
      this.retries.cleared(status);
      const kind =
        error instanceof LambdaConfigurationError
          ? 'configuration'
          : error instanceof PayloadTooLargeError
            ? 'data'
            : 'transient-exhausted';
      const records = batch.records.map((r) => r.original);
      return {
        kind: 'handled',
        verdict: await failures.handle(records, error as Error, kind, controls),
      };
    }
    this.retries.answered(status, batch.firstOffset, batch.lastOffset);
    return { kind: 'answered', result };
  }

  /** The result-topic records of records that succeeded, when a result topic is configured. */
  writeResults(
    records: ConvertedRecord[],
    response: string | undefined,
    failures: FailureHandler,
    controls: PartitionControls,
  ): Promise<FailureVerdict> {
    const { options, reporter } = this.deps;
    const resultTopic = options.reporter.resultTopic;
    if (options.lambda.invocationType !== 'sync' || !resultTopic) {
      return Promise.resolve('continue');
    }
    // Made inside the write, as it sends: a second call of the write would start over.
    return failures.reported(() =>
      reporter.send(
        'result',
        resultTopic,
        resultMessages(records, response, options.lambda.payloadFormat),
        controls,
      ),
    );
  }
}
