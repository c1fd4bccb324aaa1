import { Logger } from '@nestjs/common';
import type { FetchedBatch } from '../kafka';
import type { LambdaSinkOptions } from '../config/lambda-sink-options';
import type { BatchPlanItem, LambdaBatch } from '../batching/lambda-batch';
import { dispatchConcurrently } from './concurrent-dispatch';
import { OffsetLedger } from './offset-ledger';
import { FinishedAhead } from './finished-ahead';
import { waitsForMoreRecords } from './batching-window';
import { PayloadTooLargeError } from '../errors/lambda-errors';
import { messages } from '../errors/messages';
import { withFields } from '../logging/log-fields';
import type { BatchInvoker } from '../invocation/lambda-invoker';
import { functionErrorOf } from '../invocation/function-error';
import { BatchErrorControls } from '../error-controls/batch-error-controls';
import { LambdaCalls } from './lambda-calls';
import type { SinkMetrics } from '../operations/metrics/sink-metrics';
import type { PartitionStatus } from '../operations/status/sink-status';
import { CommitTracker } from './commit-tracker';
import { FailureHandler, type FailureVerdict } from './failure-handler';
import type { FunctionRouter } from '../invocation/function-router';
import type { PartitionControls } from './partition-controls';
import { RecordSerializer } from './record-serializer';
import type { BatchingService } from '../batching/batching.service';
import { ReporterRetrier } from '../reporting/reporter-retrier';
import { RetryAnnouncer } from './retry-announcer';

/** `retry-later`: a Lambda batch failed transiently; the partition waits out its backoff paused. */
type BatchVerdict = FailureVerdict | 'retry-later';

export type ProcessOutcome =
  'completed' | 'stopped' | 'retrying' | 'waiting' | 'partition-failed' | 'task-failed';

export interface PartitionProcessorDeps {
  options: LambdaSinkOptions;
  serializer: RecordSerializer;
  /** Cuts records into Lambda batches in the payload format (the module's BatchingService). */
  batching: BatchingService;
  invoker: BatchInvoker;
  /** Which function each topic invokes (named in errors, error records and log fields). */
  functions: FunctionRouter;
  reporter: ReporterRetrier;
  metrics: SinkMetrics;
  /** Called when the whole task must stop (configuration error, intolerable conversion error). */
  onTaskFailure: (error: Error) => void;
}

/**
 * Takes one fetched batch of one topic-partition through conversion, batching, invocation and
 * reporting, strictly in offset order with at most one invocation in flight. An offset is
 * resolved and committed only once its record was invoked successfully (or handled by
 * `log`/`ignore`/DLQ) and its result or error records were acknowledged by Kafka.
 */
export class PartitionProcessor {
  private readonly logger = new Logger('LambdaSink partitions');
  private readonly retries = new RetryAnnouncer(this.logger);

  private readonly errorControls: BatchErrorControls;
  private readonly calls: LambdaCalls;

  constructor(private readonly deps: PartitionProcessorDeps) {
    this.errorControls = new BatchErrorControls(deps.options, deps.batching.encoder);
    this.calls = new LambdaCalls(deps, this.retries);
  }

  async process(
    batch: FetchedBatch,
    status: PartitionStatus,
    controls: PartitionControls,
  ): Promise<ProcessOutcome> {
    const { options, metrics } = this.deps;
    const labels = { topic: batch.topic, partition: String(batch.partition) };
    metrics.recordsConsumed.inc(labels, batch.messages.length);
    status.highWatermark = Number(batch.highWatermark);
    if (waitsForMoreRecords(batch, status, controls, this.deps.options.lambda)) return 'waiting';

    const tracker = new CommitTracker(controls, status, metrics);
    const failures = new FailureHandler(
      options,
      this.deps.functions.functionFor(batch.topic),
      this.deps.reporter,
      metrics,
      status,
      this.deps.onTaskFailure,
    );
    try {
      if (options.lambda.ordering !== 'partition')
        return await this.processConcurrently(batch, status, controls, tracker, failures);
      // Records are converted in runs that end at a record the converters cannot read, so the
      // bad record is handled (DLQ or stop) exactly at its place in offset order.
      let index = 0;
      while (index < batch.messages.length) {
        const run = await this.deps.serializer.serializeRun(
          batch,
          index,
          options.lambda.batchSize,
          controls,
        );
        const plan = this.deps.batching.planInOrder(run.serialized);
        for (const item of plan) {
          if (controls.shouldStop()) return await tracker.finish('stopped');
          const settled = new Set<number>();
          const verdict = await this.invokeItem(item, status, failures, controls, (offsets) =>
            offsets.forEach((o) => settled.add(o)),
          );
          const last = item.kind === 'batch' ? item.batch.lastOffset : item.oversized.record.offset;
          if (verdict !== 'continue') {
            // What the error controls settled before the batch stopped is done as far as it
            // runs unbroken from the batch's first record; the batch stops after that.
            const { doneThrough, stopAt } = settledPrefix(item, settled);
            if (doneThrough !== undefined) tracker.done(doneThrough);
            if (verdict === 'retry-later') {
              // Everything before this point is committed by finish(); the rest of the batch
              // is fetched again when the partition resumes.
              controls.retryAt(status.retry?.nextAttemptAt ?? Date.now());
              return await tracker.finish('retrying');
            }
            return await tracker.finish(this.stop(verdict, status, stopAt, controls));
          }
          tracker.done(last);
        }
        // Records a transform dropped at the end of the run are done too (nothing to invoke).
        if (run.filteredThrough !== undefined) tracker.done(run.filteredThrough);
        index = run.nextIndex;
        if (run.failure) {
          if (controls.shouldStop()) return await tracker.finish('stopped');
          const verdict = await failures.handleConversion(
            run.failure.record,
            run.failure.error,
            controls,
          );
          const offset = Number(run.failure.record.offset);
          if (verdict !== 'continue')
            return await tracker.finish(this.stop(verdict, status, offset, controls));
          tracker.done(offset);
          index++;
        }
      }
      return await tracker.finish('completed');
    } catch (error) {
      if (controls.signal.aborted || controls.shouldStop()) return await tracker.finish('stopped');
      throw error;
    }
  }

  /**
   * `aws.lambda.ordering=key|none`: the run's batches go out concurrently, up to
   * `max.in.flight.per.partition`, per key in offset order (`key`). The commit point is the
   * lowest unfinished offset; when a batch stops the partition, batches in flight finish first,
   * and records finished past the stop are invoked again on resume (at-least-once).
   */
  private async processConcurrently(
    batch: FetchedBatch,
    status: PartitionStatus,
    controls: PartitionControls,
    tracker: CommitTracker,
    failures: FailureHandler,
  ): Promise<ProcessOutcome> {
    const { lambda } = this.deps.options;
    const ledger = new OffsetLedger();
    const ahead = (status.finishedAhead ??= new FinishedAhead());
    const finished = (offsets: number[]) => {
      ledger.finish(offsets);
      ahead.add(offsets);
      const through = ledger.doneThrough();
      if (through !== undefined) {
        tracker.done(through);
        ahead.committedThrough(through);
      }
    };
    // The whole fetch is one window (a fetch is at most max.partition.fetch.bytes): batches keep
    // starting as others finish until the fetch runs out, and only a conversion failure (handled
    // at its place in order) drains the invocations in flight before going on; smaller windows
    // each ended with a drain (bench "keyed", docs/BENCHMARKS.md).
    const window = Infinity;
    let index = 0;
    while (index < batch.messages.length) {
      const run = await this.deps.serializer.serializeRun(batch, index, window, controls);
      ledger.add(run.serialized.map((s) => s.record.offset));
      // Records this member already finished before a stop or a retry pause are done, not resent.
      const fresh = run.serialized.filter((s) => !ahead.has(s.record.offset));
      if (fresh.length < run.serialized.length) {
        finished(
          run.serialized.filter((s) => ahead.has(s.record.offset)).map((s) => s.record.offset),
        );
      }
      const scheduler = this.deps.batching.scheduler(fresh);
      const result = await dispatchConcurrently(scheduler, {
        maxInFlight: lambda.maxInFlightPerPartition,
        invoke: (item) => this.invokeItem(item, status, failures, controls, finished),
        finished,
        shouldStop: () => controls.shouldStop(),
      });
      if (result.verdict === 'stopped') return await tracker.finish('stopped');
      if (result.verdict === 'retry-later') {
        controls.retryAt(status.retry?.nextAttemptAt ?? Date.now());
        return await tracker.finish('retrying');
      }
      if (result.verdict !== 'continue') {
        const at = ledger.lowestUnfinished() ?? result.firstOffset;
        return await tracker.finish(this.stop(result.verdict, status, at, controls));
      }
      // Records dropped at the end of the run (filter criteria, a Filter transform) are done too.
      if (run.filteredThrough !== undefined) {
        ledger.add([run.filteredThrough]);
        finished([run.filteredThrough]);
      }
      index = run.nextIndex;
      if (run.failure) {
        if (controls.shouldStop()) return await tracker.finish('stopped');
        const offset = Number(run.failure.record.offset);
        ledger.add([offset]);
        const verdict = await failures.handleConversion(
          run.failure.record,
          run.failure.error,
          controls,
        );
        if (verdict !== 'continue')
          return await tracker.finish(this.stop(verdict, status, offset, controls));
        finished([offset]);
        index++;
      }
    }
    return await tracker.finish('completed');
  }

  /** One item of a batch plan: a Lambda batch to invoke, or a record too large for any. */
  private async invokeItem(
    item: BatchPlanItem,
    status: PartitionStatus,
    failures: FailureHandler,
    controls: PartitionControls,
    /** Offsets finished before the item stopped (told only when it did not continue). */
    settled: (offsets: number[]) => void,
  ): Promise<BatchVerdict> {
    if (item.kind === 'batch') {
      if (!this.errorControls.enabled) {
        return this.invokeBatch(item.batch, status, failures, controls);
      }
      const outcome = await this.errorControls.invoke(item.batch, {
        functionName: this.deps.functions.functionFor(item.batch.topic),
        attempt: (batch, first) => this.calls.attempt(batch, status, failures, controls, first),
        failures,
        controls,
        writeResults: (records, response) =>
          this.calls.writeResults(records, response, failures, controls),
      });
      if (outcome.verdict !== 'continue') settled(outcome.settled);
      return outcome.verdict;
    }
    const { record, payloadBytes, limitBytes } = item.oversized;
    const error = new PayloadTooLargeError(
      messages.payloadTooLarge(payloadBytes, limitBytes, 'single record'),
      { topic: record.topic, partition: record.partition, offset: String(record.offset) },
    );
    return failures.handle([record.original], error, 'data', controls);
  }

  /** One Lambda batch, no error controls: one call, and a function error is the whole batch's. */
  private async invokeBatch(
    batch: LambdaBatch,
    status: PartitionStatus,
    failures: FailureHandler,
    controls: PartitionControls,
  ): Promise<BatchVerdict> {
    const answer = await this.calls.attempt(batch, status, failures, controls, true);
    if (answer.kind === 'handled') return answer.verdict;
    const { result } = answer;
    if (result.functionError) {
      const functionName = this.deps.functions.functionFor(batch.topic);
      const error = functionErrorOf(batch, result, functionName);
      return failures.handle(
        batch.records.map((r) => r.original),
        error,
        'function',
        controls,
      );
    }
    return this.calls.writeResults(batch.records, result.responsePayload, failures, controls);
  }

  private stop(
    verdict: FailureVerdict,
    status: PartitionStatus,
    offset: number,
    controls: PartitionControls,
  ): ProcessOutcome {
    if (verdict === 'fail-task') return 'task-failed';
    status.state = 'FAILED';
    status.failedAtOffset = offset;
    controls.pause();
    this.logger.error(
      withFields(
        messages.partitionFailed(status.topic, status.partition, offset, status.trace ?? 'error'),
        {
          topic: status.topic,
          partition: status.partition,
          offsets: String(offset),
          function: this.deps.functions.functionFor(status.topic),
        },
      ),
    );
    return 'partition-failed';
  }
}

/**
 * Of an item that stopped, the last offset of the unbroken run of settled records from its
 * first (undefined when its first is not settled), and the first offset not settled.
 */
function settledPrefix(
  item: BatchPlanItem,
  settled: ReadonlySet<number>,
): { doneThrough?: number; stopAt: number } {
  if (item.kind === 'oversized') return { stopAt: item.oversized.record.offset };
  let doneThrough: number | undefined;
  for (const record of item.batch.records) {
    if (!settled.has(record.offset)) return { doneThrough, stopAt: record.offset };
    doneThrough = record.offset;
  }
  return { doneThrough, stopAt: item.batch.firstOffset };
}
