import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

/** One `Invoke` call as the invoker asks for it. */
export interface InvokeRequest {
  functionName: string;
  invocationType: 'RequestResponse' | 'Event';
  /** The JSON request body, UTF-8. */
  payload: Uint8Array;
}

/** What the invoker needs from Lambda's answer. */
export interface InvokeResponse {
  statusCode: number;
  /** `Handled` / `Unhandled` when the function itself failed (HTTP 200). */
  functionError?: string;
  /** The response body, decoded as UTF-8 (sync invocations). */
  payload?: string;
}

/** Lambda's answer before its body is decoded: what an invoke thread hands back. */
export interface RawInvokeResponse {
  statusCode: number;
  functionError?: string;
  payload?: Uint8Array;
}

const utf8 = new TextDecoder();

export function decodeResponse(raw: RawInvokeResponse): InvokeResponse {
  return {
    statusCode: raw.statusCode,
    functionError: raw.functionError,
    payload: raw.payload ? utf8.decode(raw.payload) : undefined,
  };
}

/**
 * How an invocation reaches Lambda: on this thread through a `LambdaClient`, or on invoke
 * threads (`aws.lambda.invoke.threads`). Errors are the SDK's (or carry the same name, code,
 * message and HTTP status), so `classifyInvokeError` reads them the same way either way.
 */
export interface InvokeTransport {
  invoke(request: InvokeRequest, signal?: AbortSignal): Promise<InvokeResponse>;
  /** Frees what the transport holds (threads); in-flight calls end with an error. */
  close(): Promise<void>;
}

/** Sends through `client` on the event loop it is called from. */
export class ClientInvokeTransport implements InvokeTransport {
  constructor(private readonly client: LambdaClient) {}

  async invoke(request: InvokeRequest, signal?: AbortSignal): Promise<InvokeResponse> {
    return decodeResponse(await this.send(request, signal));
  }

  /** The call, with the response body left as bytes. */
  async send(request: InvokeRequest, signal?: AbortSignal): Promise<RawInvokeResponse> {
    const response = await this.client.send(
      new InvokeCommand({
        FunctionName: request.functionName,
        InvocationType: request.invocationType,
        Payload: request.payload,
      }),
      // No per-call options without a signal, so the client's cached middleware chain is used.
      signal ? { abortSignal: signal } : undefined,
    );
    return {
      statusCode: response.StatusCode ?? 200,
      functionError: response.FunctionError,
      payload: response.Payload,
    };
  }

  async close(): Promise<void> {
    // The client belongs to whoever built it (the engine, or the application that injected it).
  }
}
