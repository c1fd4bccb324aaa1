import type { IncomingMessage, ServerResponse } from 'node:http';

/** The body parser's errors (http-errors), by their `type`. */
const MESSAGES: Record<string, string> = {
  'entity.too.large': 'Request body too large.',
  'entity.parse.failed': 'Malformed JSON body.',
  'encoding.unsupported': 'Unsupported content encoding.',
  'charset.unsupported': 'Unsupported charset.',
};

/**
 * Express error middleware, registered right after the body parser: answers a body it refused
 * (too large, not JSON) as a client error in Connect's shape. Nest would log it as a server
 * error with a stack (a flood of bad requests would flood the log) or answer with the parser's
 * message, which quotes the body it could not read.
 */
export function answerBodyParserErrors(
  error: unknown,
  _request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
): void {
  const { status, type, expose } = (error ?? {}) as {
    status?: unknown;
    type?: unknown;
    expose?: unknown;
  };
  if (expose !== true || typeof status !== 'number' || status < 400 || status >= 500) {
    next(error);
    return;
  }
  const message = MESSAGES[String(type)] ?? 'Bad request.';
  response
    .writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ error_code: status, message }));
}
