/** What a handler receives as its second argument: the subset of the Node.js runtime's context. */
export interface LambdaContext {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Decoded `X-Amz-Client-Context`, when the caller sent one. */
  readonly clientContext?: unknown;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

/** The Node.js runtime's callback, for handlers written in that older style. */
export type LambdaCallback = (error?: unknown, result?: unknown) => void;

/**
 * A handler: `async (event, context) => result`, a plain function returning the result, or
 * the callback style. Declared through a method so that a handler typed with a narrower
 * event (`(event: Batch[]) => …`) can still be registered: parameters of methods are
 * checked bivariantly, those of function types are not.
 */
export type LambdaHandler = {
  handle(event: unknown, context: LambdaContext, callback: LambdaCallback): unknown;
}['handle'];
