import { request as httpRequest } from 'node:http';
import { signingKeyId, startHttpStub, type HttpStub } from '../../libs/lambda-sink/src/testing';

/** One request the sink sent to Lambda, as signed. */
export interface SignedRequest {
  method: string;
  path: string;
  /** The access key id in the SigV4 `Authorization` header. */
  signedWith?: string;
  /** `X-Amz-Security-Token`: present when temporary credentials signed the request. */
  sessionToken?: string;
}

export interface AwsRequestRecorder {
  /** Use as `aws.lambda.endpoint`. */
  readonly url: string;
  readonly requests: SignedRequest[];
  close(): Promise<void>;
}

/**
 * A pass-through in front of the local Lambda endpoint that records which credentials signed
 * each request. The endpoint itself accepts any signature, so this is how a test sees which
 * credentials source the sink really used.
 */
export async function startAwsRequestRecorder(target: string): Promise<AwsRequestRecorder> {
  const requests: SignedRequest[] = [];
  const stub: HttpStub = await startHttpStub((incoming, response) => {
    requests.push({
      method: incoming.method,
      path: incoming.url,
      signedWith: signingKeyId(incoming.headers),
      sessionToken: incoming.headers['x-amz-security-token'] as string | undefined,
    });
    const url = new URL(incoming.url, target);
    const forwarded = httpRequest(
      url,
      { method: incoming.method, headers: { ...incoming.headers, host: url.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    forwarded.end(incoming.body);
  });
  return { url: stub.url, requests, close: () => stub.close() };
}
