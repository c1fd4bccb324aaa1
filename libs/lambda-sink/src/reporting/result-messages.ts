import type { PayloadFormat } from '../config/lambda-sink-options';
import type { ConvertedRecord } from '../conversion/kafka-record';
import { matchResponse, matchResults } from './response-matcher';
import type { ReporterMessage } from './reporter-message';
import { buildResultRecord } from './result-record';

/**
 * The result-topic records of one successful sync invocation, one per input record. A function
 * behind the ESM event answers for the whole batch (AWS reads nothing per record from it), so
 * with `esm` every record's result is the whole response, whatever its shape.
 */
export function buildResultMessages(
  batch: readonly ConvertedRecord[],
  response: string | undefined,
  format: PayloadFormat = 'connect',
): ReporterMessage[] {
  const results =
    format === 'esm'
      ? matchResponse(batch, response, 'whole-response').results
      : matchResults(batch, response);
  return batch.map((record, i) => buildResultRecord(record, results[i]));
}
