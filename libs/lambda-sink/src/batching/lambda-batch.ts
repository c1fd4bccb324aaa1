import type { ConvertedRecord } from '../conversion/kafka-record';

/**
 * One Lambda invocation's worth of records: a single topic-partition, strictly increasing
 * offsets, and the request body already serialized (each record's JSON is computed once).
 */
export interface LambdaBatch {
  topic: string;
  partition: number;
  records: ConvertedRecord[];
  /** The request body sent to Lambda (`aws.lambda.payload.format`), as UTF-8. */
  payload: Uint8Array;
  /** UTF-8 size of `payload`. */
  payloadBytes: number;
  firstOffset: number;
  lastOffset: number;
}

/** A record whose payload alone is over the Lambda limit: a data error, never retried. */
export interface OversizedRecord {
  record: ConvertedRecord;
  payloadBytes: number;
  limitBytes: number;
}

export type BatchPlanItem =
  { kind: 'batch'; batch: LambdaBatch } | { kind: 'oversized'; oversized: OversizedRecord };
