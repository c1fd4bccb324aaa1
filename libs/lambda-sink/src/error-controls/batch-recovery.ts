import type { LambdaBatch } from '../batching/lambda-batch';
import type { Ordering } from '../config/lambda-sink-options';
import type { ConvertedRecord } from '../conversion/kafka-record';
import {
  BatchItemFailureError,
  MalformedBatchResponseError,
  RecordExpiredError,
} from '../errors/lambda-errors';
import { messages } from '../errors/messages';
import type { FailureKind } from '../errors/outcome-policy';
import { functionErrorOf } from '../invocation/function-error';
import type { InvocationResult } from '../invocation/lambda-invoker';
import { backoffDelayMs } from '../invocation/retry-backoff';
import type { ItemVerdict } from '../pipeline/concurrent-dispatch';
import { readBatchItemFailures } from './batch-item-failures';
import { splitByAge } from './record-age';
import { RecoveryPlan, type StepOutcome } from './recovery-plan';
import { recordsToRetry } from './retry-set';

/** The AWS-trigger error controls (`aws.lambda.*`), as the pipeline reads them. */
export interface ErrorControlSettings {
  functionName: string;
  ordering: Ordering;
  partialBatchResponse: boolean;
  bisectOnError: boolean;
  functionErrorRetries: number;
  /** -1 = unlimited. */
  maxRecordAgeMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
}

/** Whether any control is on; when none is, the pipeline keeps its plain one-call path. */
export function errorControlsEnabled(s: Omit<ErrorControlSettings, 'functionName'>): boolean {
  return (
    s.partialBatchResponse || s.bisectOnError || s.functionErrorRetries > 0 || s.maxRecordAgeMs >= 0
  );
}

/** One call of the function: answered, or failed otherwise and already handled by the policy. */
export type AttemptAnswer =
  { kind: 'answered'; result: InvocationResult } | { kind: 'handled'; verdict: ItemVerdict };

/** What the recovery needs of the pipeline; each call carries out a decision, decides nothing. */
export interface BatchRecoveryDeps {
  /**
   * Invokes `batch` once (transient errors retried inside). `first` is the batch as planned,
   * whose long transient backoffs may be deferred to a refetch (`retry-later`); later calls
   * wait theirs out in place.
   */
  attempt(batch: LambdaBatch, first: boolean): Promise<AttemptAnswer>;
  /** Results of records that succeeded (nothing when no result topic is configured). */
  writeResults(records: ConvertedRecord[], response: string | undefined): Promise<ItemVerdict>;
  /** Records that failed for good: the outcome policy decides for `kind`. */
  fail(records: ConvertedRecord[], error: Error, kind: FailureKind): Promise<ItemVerdict>;
  /** A batch of some of the records (see batching/records-batch.ts). */
  batchOf(records: readonly ConvertedRecord[]): LambdaBatch;
  /** Waits a backoff (rejects on shutdown). */
  wait(ms: number): Promise<void>;
  now(): number;
  /** The ordering key of a record (aws.lambda.ordering=key). */
  keyOf(record: ConvertedRecord): string;
  /** Told before a function error or partial failure is retried. */
  onRetry?(records: readonly ConvertedRecord[], retryNumber: number, delayMs: number): void;
}

/** How the batch ended, and which of its offsets are finished when it did not continue. */
export interface RecoveryResult {
  verdict: ItemVerdict;
  /** Offsets done (succeeded, or handled by the policy) before the batch stopped. */
  settled: number[];
}

/**
 * Takes one Lambda batch through the AWS-trigger error controls: drops expired records to the
 * policy, invokes, reads partial batch responses, and bisects and retries function errors as
 * the recovery plan says. Records settle as they go, in plan order (offset order per half), so
 * a stop leaves everything before it finished and nothing after it.
 */
export async function invokeWithErrorControls(
  batch: LambdaBatch,
  settings: ErrorControlSettings,
  deps: BatchRecoveryDeps,
): Promise<RecoveryResult> {
  const settled: number[] = [];
  const stopped = (verdict: ItemVerdict) => ({ verdict, settled });
  const plan = new RecoveryPlan<ConvertedRecord>(batch.records, {
    bisect: settings.bisectOnError,
    retries: settings.functionErrorRetries,
    toRetry: (records, failed) => recordsToRetry(records, failed, settings.ordering, deps.keyOf),
  });
  let first = true;
  for (let step = plan.next(); step; step = plan.next()) {
    if (step.retryNumber > 0) {
      const delay = backoffDelayMs(
        step.retryNumber,
        settings.retryBackoffMs,
        settings.retryBackoffMaxMs,
      );
      deps.onRetry?.(step.records, step.retryNumber, delay);
      await deps.wait(delay);
    }
    const { fresh, expired } = splitByAge(step.records, settings.maxRecordAgeMs, deps.now());
    if (expired.length > 0) {
      const verdict = await deps.fail(expired, expiredError(expired, settings), 'expired');
      if (verdict !== 'continue') return stopped(verdict);
      settled.push(...expired.map((r) => r.offset));
    }
    if (fresh.length === 0) continue;
    const invoked =
      step.records === batch.records && expired.length === 0 ? batch : deps.batchOf(fresh);
    const answer = await deps.attempt(invoked, first);
    first = false;
    if (answer.kind === 'handled') {
      if (answer.verdict !== 'continue') return stopped(answer.verdict);
      settled.push(...fresh.map((r) => r.offset));
      continue;
    }
    const { outcome, error } = readOutcome(invoked, answer.result, settings);
    const { succeeded, failed } = plan.report(step, fresh, outcome);
    if (succeeded.length > 0) {
      const verdict = await deps.writeResults(succeeded, answer.result.responsePayload);
      if (verdict !== 'continue') return stopped(verdict);
      settled.push(...succeeded.map((r) => r.offset));
    }
    if (failed.length > 0) {
      const verdict = await deps.fail(failed, error as Error, 'function');
      if (verdict !== 'continue') return stopped(verdict);
      settled.push(...failed.map((r) => r.offset));
    }
  }
  return { verdict: 'continue', settled };
}

/** What the function's answer means for the plan, and the error it carries if it failed. */
function readOutcome(
  batch: LambdaBatch,
  result: InvocationResult,
  settings: ErrorControlSettings,
): { outcome: StepOutcome<ConvertedRecord>; error?: Error } {
  if (result.functionError) {
    return {
      outcome: { kind: 'function-error' },
      error: functionErrorOf(batch, result, settings.functionName),
    };
  }
  if (!settings.partialBatchResponse) return { outcome: { kind: 'succeeded' } };
  const read = readBatchItemFailures(result.responsePayload, batch.records);
  switch (read.kind) {
    case 'all-succeeded':
      return { outcome: { kind: 'succeeded' } };
    case 'malformed':
      return {
        outcome: { kind: 'function-error' },
        error: new MalformedBatchResponseError(
          messages.malformedBatchResponse(settings.functionName, read.reason),
          contextOf(batch.records, settings),
        ),
      };
    case 'failed':
      return {
        outcome: { kind: 'partial', failed: read.records },
        error: itemFailureError(read.records, settings),
      };
  }
}

function itemFailureError(records: readonly ConvertedRecord[], settings: ErrorControlSettings) {
  return new BatchItemFailureError(
    messages.batchItemFailures(settings.functionName, records.map(at)),
    contextOf(records, settings),
  );
}

function expiredError(records: readonly ConvertedRecord[], settings: ErrorControlSettings) {
  return new RecordExpiredError(
    messages.recordsExpired(records.map(at), settings.maxRecordAgeMs),
    contextOf(records, settings),
  );
}

const at = (r: ConvertedRecord) => messages.recordAt(r.topic, r.partition, r.offset);

function contextOf(records: readonly ConvertedRecord[], settings: ErrorControlSettings) {
  const first = records[0];
  const last = records[records.length - 1];
  return {
    topic: first?.topic,
    partition: first?.partition,
    offset: first === last ? `${first?.offset}` : `${first?.offset}-${last?.offset}`,
    functionName: settings.functionName,
  };
}
