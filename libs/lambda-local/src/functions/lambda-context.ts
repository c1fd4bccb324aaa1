import type { LambdaContext } from './lambda-handler.types';

export interface LambdaContextInput {
  functionName: string;
  executedVersion: string;
  invokedFunctionArn: string;
  memorySize: number;
  requestId: string;
  deadline: number;
  clientContext?: unknown;
}

/** Builds the context object a handler gets, with the deadline its timeout implies. */
export function createLambdaContext(input: LambdaContextInput): LambdaContext {
  const { deadline } = input;
  return {
    functionName: input.functionName,
    functionVersion: input.executedVersion,
    invokedFunctionArn: input.invokedFunctionArn,
    memoryLimitInMB: String(input.memorySize),
    awsRequestId: input.requestId,
    logGroupName: `/aws/lambda/${input.functionName}`,
    logStreamName: `lambda-local/[${input.executedVersion}]${input.requestId.slice(0, 8)}`,
    clientContext: input.clientContext,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}
