import type { LambdaBatch } from '../batching/lambda-batch';
import { LambdaFunctionError } from '../errors/lambda-errors';
import { messages } from '../errors/messages';
import type { InvocationResult } from './lambda-invoker';

/** The error of an invocation the function answered with X-Amz-Function-Error. */
export function functionErrorOf(
  batch: LambdaBatch,
  result: InvocationResult,
  functionName: string,
): LambdaFunctionError {
  const kind = result.functionError ?? 'Unhandled';
  return new LambdaFunctionError(
    messages.functionError(functionName, kind, summarize(result.responsePayload)),
    kind,
    {
      topic: batch.topic,
      partition: batch.partition,
      offset: `${batch.firstOffset}-${batch.lastOffset}`,
      functionName,
    },
  );
}

function summarize(body: string | undefined): string {
  if (!body) return '(no body)';
  return body.length > 500 ? `${body.slice(0, 500)}…` : body;
}
