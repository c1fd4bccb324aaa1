import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';

/**
 * pino options for the service: JSON lines, no per-request access log (health probes would
 * flood it), and secret-bearing fields redacted wherever they might appear in a log object.
 * Levels are written as names (`"level":"warn"`) and times as ISO 8601 UTC, which log pipelines
 * (Loki, Elasticsearch, CloudWatch) read without a pino-specific mapping; the component that
 * logged is the `context` field (the Nest logger's name).
 */
export function loggerOptions(): Params {
  return {
    pinoHttp: {
      level: process.env.LOG_LEVEL ?? 'info',
      autoLogging: false,
      formatters: { level: (label) => ({ level: label }) },
      timestamp: stdTimeFunctions.isoTime,
      redact: {
        paths: [
          '*.password',
          '*.secretAccessKey',
          '*["aws.secret.access.key"]',
          '*["sasl.jaas.config"]',
          // Logged requests (a failed health check logs its request) carry the caller's
          // credentials in these headers, the responses their session cookies.
          'req.headers.authorization',
          'req.headers["proxy-authorization"]',
          'req.headers.cookie',
          'req.headers["x-api-key"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[hidden]',
      },
    },
  };
}
