import type { ConvertedRecord } from '../conversion/kafka-record';
import { matchResults } from './response-matcher';
import type { ReporterMessage } from './reporter-message';
import { buildResultRecord } from './result-record';

/** The result-topic records of one successful sync invocation, one per input record. */
export function buildResultMessages(
  batch: readonly ConvertedRecord[],
  response: string | undefined,
): ReporterMessage[] {
  const results = matchResults(batch, response);
  return batch.map((record, i) => buildResultRecord(record, results[i]));
}
