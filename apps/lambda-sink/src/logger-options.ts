import type { Params } from 'nestjs-pino';

/**
 * pino options for the service: JSON lines, no per-request access log (health probes would
 * flood it), and secret-bearing fields redacted wherever they might appear in a log object.
 */
export function loggerOptions(): Params {
  return {
    pinoHttp: {
      level: process.env.LOG_LEVEL ?? 'info',
      autoLogging: false,
      redact: {
        paths: [
          '*.password',
          '*.secretAccessKey',
          '*["aws.secret.access.key"]',
          '*["sasl.jaas.config"]',
          'req.headers.authorization',
        ],
        censor: '[hidden]',
      },
    },
  };
}
