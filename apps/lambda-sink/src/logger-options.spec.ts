import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
import { loggerOptions } from './logger-options';

/** One line logged with the service's pino options, as written. */
function logged(object: Record<string, unknown>): string {
  let line = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      line += chunk.toString();
      done();
    },
  });
  const { redact, formatters, timestamp } = loggerOptions().pinoHttp as LoggerOptions;
  pino({ redact, formatters, timestamp }, sink).error(object, 'Health Check has failed!');
  return line;
}

describe('the service logger', () => {
  it('hides credentials in the request headers of a logged request', () => {
    const line = logged({
      req: {
        method: 'GET',
        url: '/health/ready',
        headers: {
          authorization: 'Basic dXNlcjpwYXNz',
          cookie: 'session=s3cr3t-cookie',
          'proxy-authorization': 'Bearer proxy-token',
          'x-api-key': 'api-key-value',
          accept: '*/*',
        },
      },
      res: { headers: { 'set-cookie': 'session=s3cr3t-set-cookie' } },
    });
    for (const secret of [
      'dXNlcjpwYXNz',
      's3cr3t-cookie',
      's3cr3t-set-cookie',
      'proxy-token',
      'api-key-value',
    ]) {
      assert.ok(!line.includes(secret), `${secret} is logged: ${line}`);
    }
    const { req } = JSON.parse(line) as { req: { headers: Record<string, string> } };
    assert.equal(req.headers.cookie, '[hidden]');
    assert.equal(req.headers.accept, '*/*', 'other headers are shown');
  });

  it('writes the level as a name and the time as ISO 8601', () => {
    const { level, time } = JSON.parse(logged({})) as { level: unknown; time: unknown };
    assert.equal(level, 'error');
    assert.match(String(time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
