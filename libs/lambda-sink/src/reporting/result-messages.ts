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
  return [...resultMessages(batch, response, format)];
}

/**
 * The same records, each written when it is asked for. When every record's result is the whole
 * response (a non-list answer, `esm`), each record carries its own copy of it: 100 copies of a
 * 6 MB answer built at once would need 600 MB, so the reporter takes them a request at a time.
 */
export function* resultMessages(
  batch: readonly ConvertedRecord[],
  response: string | undefined,
  format: PayloadFormat = 'connect',
): Generator<ReporterMessage> {
  const results =
    format === 'esm'
      ? matchResponse(batch, response, 'whole-response').results
      : matchResults(batch, response);
  for (let i = 0; i < batch.length; i++) yield buildResultRecord(batch[i], results[i]);
}
