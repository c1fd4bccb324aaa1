import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LambdaBatch } from '../batching/lambda-batch';
import type { ConvertedRecord } from '../conversion/kafka-record';
import type { FailureKind } from '../errors/outcome-policy';
import type { ItemVerdict } from '../pipeline/concurrent-dispatch';
import {
  invokeWithErrorControls,
  type AttemptAnswer,
  type BatchRecoveryDeps,
  type ErrorControlSettings,
} from './batch-recovery';

const NOW = 1_000_000;

function record(offset: number, timestamp = NOW, key = `k${offset}`): ConvertedRecord {
  return {
    topic: 't',
    partition: 0,
    offset,
    key,
    value: `v${offset}`,
    headers: [],
    timestamp,
    original: {
      topic: 't',
      partition: 0,
      offset: String(offset),
      key: Buffer.from(key),
      value: Buffer.from(`v${offset}`),
      headers: {},
      timestamp: String(timestamp),
    },
  };
}

function batchOf(records: readonly ConvertedRecord[]): LambdaBatch {
  return {
    topic: 't',
    partition: 0,
    records: [...records],
    payload: new Uint8Array(),
    payloadBytes: 0,
    firstOffset: records[0].offset,
    lastOffset: records[records.length - 1].offset,
  };
}

const SETTINGS: ErrorControlSettings = {
  functionName: 'fn',
  ordering: 'partition',
  partialBatchResponse: false,
  bisectOnError: false,
  functionErrorRetries: 0,
  maxRecordAgeMs: -1,
  retryBackoffMs: 1,
  retryBackoffMaxMs: 2,
};

/** A pipeline in memory: `answer` plays the function; everything the recovery does is logged. */
function fakePipeline(
  answer: (offsets: number[]) => { functionError?: string; body?: string },
  verdictFor: (kind: FailureKind) => ItemVerdict = () => 'continue',
) {
  const log = {
    invoked: [] as number[][],
    results: [] as number[][],
    failed: [] as Array<{ offsets: number[]; kind: FailureKind; code: string; message: string }>,
    waits: [] as number[],
  };
  const deps: BatchRecoveryDeps = {
    attempt: (batch): Promise<AttemptAnswer> => {
      const offsets = batch.records.map((r) => r.offset);
      log.invoked.push(offsets);
      const { functionError, body } = answer(offsets);
      return Promise.resolve({
        kind: 'answered',
        result: {
          statusCode: 200,
          functionError,
          responsePayload: body,
          attempts: 1,
          durationMs: 1,
        },
      });
    },
    writeResults: (records) => {
      log.results.push(records.map((r) => r.offset));
      return Promise.resolve('continue');
    },
    fail: (records, error, kind) => {
      log.failed.push({
        offsets: records.map((r) => r.offset),
        kind,
        code: (error as { code?: string }).code ?? '',
        message: error.message,
      });
      return Promise.resolve(verdictFor(kind));
    },
    batchOf,
    wait: (ms) => {
      log.waits.push(ms);
      return Promise.resolve();
    },
    now: () => NOW,
    keyOf: (r) => String(r.key),
  };
  return { deps, log };
}

describe('a batch through the error controls', () => {
  it('hands records older than the limit to the policy as expired and invokes only the rest', async () => {
    const { deps, log } = fakePipeline(() => ({ body: '"ok"' }));
    const records = [record(0, NOW - 5000), record(1, NOW - 10), record(2, NOW - 6000)];
    const outcome = await invokeWithErrorControls(
      batchOf(records),
      { ...SETTINGS, maxRecordAgeMs: 1000 },
      deps,
    );
    assert.deepEqual(outcome, { verdict: 'continue', settled: [0, 2, 1] });
    assert.deepEqual(log.invoked, [[1]]);
    assert.deepEqual(
      log.failed.map((f) => [f.offsets, f.kind, f.code]),
      [[[0, 2], 'expired', 'RECORD_EXPIRED']],
    );
    assert.match(
      log.failed[0].message,
      /older than aws\.lambda\.max\.record\.age\.ms=1000.*t-0@0, t-0@2/,
    );
    assert.deepEqual(log.results, [[1]]);
  });

  it('retries a partial failure from the lowest reported offset (partition order), then fails only what is still reported', async () => {
    const { deps, log } = fakePipeline(() => ({
      body: JSON.stringify({ batchItemFailures: [{ itemIdentifier: 't-0@2' }] }),
    }));
    const records = [0, 1, 2, 3].map((o) => record(o));
    const outcome = await invokeWithErrorControls(
      batchOf(records),
      { ...SETTINGS, partialBatchResponse: true, functionErrorRetries: 1 },
      deps,
    );
    assert.equal(outcome.verdict, 'continue');
    assert.deepEqual(log.invoked, [
      [0, 1, 2, 3],
      [2, 3],
    ]);
    assert.equal(log.waits.length, 1, 'the retry waited a backoff');
    assert.deepEqual(
      log.results,
      [[0, 1], [3]],
      'results once, when each record succeeded for good',
    );
    assert.deepEqual(
      log.failed.map((f) => [f.offsets, f.code]),
      [[[2], 'LAMBDA_BATCH_ITEM_FAILURE']],
    );
  });

  it('treats an unreadable partial response as a function error of the batch and bisects it', async () => {
    // The function answers garbage whenever record 2 is in the batch.
    const { deps, log } = fakePipeline((offsets) => ({
      body: offsets.includes(2) ? '[1]' : JSON.stringify({ batchItemFailures: [] }),
    }));
    await invokeWithErrorControls(
      batchOf([0, 1, 2, 3].map((o) => record(o))),
      { ...SETTINGS, partialBatchResponse: true, bisectOnError: true },
      deps,
    );
    assert.deepEqual(log.invoked, [[0, 1, 2, 3], [0, 1], [2, 3], [2], [3]]);
    assert.deepEqual(
      log.failed.map((f) => [f.offsets, f.code]),
      [[[2], 'LAMBDA_BATCH_RESPONSE_INVALID']],
    );
    assert.match(log.failed[0].message, /a list, not an object with "batchItemFailures"/);
    assert.deepEqual(log.results, [[0, 1], [3]]);
  });

  it('stops where the policy stops, with what settled before it and nothing after', async () => {
    const { deps, log } = fakePipeline(
      (offsets) => (offsets.includes(1) ? { functionError: 'Unhandled', body: 'boom' } : {}),
      () => 'fail-partition',
    );
    const outcome = await invokeWithErrorControls(
      batchOf([0, 1, 2, 3].map((o) => record(o))),
      { ...SETTINGS, bisectOnError: true },
      deps,
    );
    assert.deepEqual(outcome, { verdict: 'fail-partition', settled: [0] });
    assert.deepEqual(log.invoked, [[0, 1, 2, 3], [0, 1], [0], [1]]);
    assert.deepEqual(
      log.failed.map((f) => [f.offsets, f.code]),
      [[[1], 'LAMBDA_FUNCTION_ERROR']],
    );
  });
});
