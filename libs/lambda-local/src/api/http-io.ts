import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { LambdaApiError } from './lambda-api.error';

export interface RequestBody {
  /** The UTF-8 text; undefined when the body passed `limit` (it is drained, not kept). */
  text?: string;
  bytes: number;
}

/**
 * Reads the whole body. Past `limit` it keeps counting but stops keeping chunks: the
 * client must be allowed to finish sending, or it sees a reset connection instead of the
 * 413 it is owed.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<RequestBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      if (bytes > limit) resolve({ bytes });
      else {
        const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, bytes);
        resolve({ text: body.toString('utf8'), bytes });
      }
    });
    req.on('error', reject);
  });
}

export function send(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body?: string | Buffer,
): void {
  if (res.destroyed) return;
  if (body !== undefined) {
    headers['Content-Length'] = Buffer.byteLength(body);
  } else {
    headers['Content-Length'] = 0;
  }
  res.writeHead(status, headers);
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, requestId?: string) {
  const headers: OutgoingHttpHeaders = { 'Content-Type': 'application/json' };
  if (requestId) headers['x-amzn-RequestId'] = requestId;
  send(res, status, headers, JSON.stringify(value));
}

export function sendApiError(res: ServerResponse, error: LambdaApiError, requestId: string) {
  send(
    res,
    error.statusCode,
    {
      'Content-Type': 'application/json',
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': error.errorType,
      ...error.extraHeaders,
    },
    error.body(),
  );
}
