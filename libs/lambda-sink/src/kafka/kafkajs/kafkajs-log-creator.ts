import { Logger } from '@nestjs/common';
import { logLevel, type logCreator } from 'kafkajs';
import { RepeatLimiter } from '../../logging/repeat-limiter';

/**
 * kafkajs' own log lines, through the Nest logger (so through pino in the service) under the
 * context `kafkajs`. Its INFO lines (joins, commits, reconnects) are internals a user rarely
 * needs, so they go out as Nest's `debug`, as do its DEBUG lines (asked for only at debug, see
 * kafkajsLogLevel); WARN and ERROR keep their level. The same line
 * repeating (a consumer crashing on a deleted topic logs several per second) is said twice a
 * minute with a count.
 */
/**
 * kafkajs warnings about choices this adapter made on purpose, shown at debug level only:
 * the reporter limits its producer's retries so an outage reaches the sink, which keeps the
 * offset and writes again later (at-least-once, never exactly-once, is the sink's promise).
 */
const EXPECTED_WARNINGS = [/Limiting retries for the idempotent producer/];

export function nestLogCreator(logger = new Logger('kafkajs')): logCreator {
  const repeats = new RepeatLimiter(30_000);
  return () =>
    ({ level, log }) => {
      const { message, error } = log as { message: string; error?: string };
      const text = error && !message.includes(error) ? `${message}: ${error}` : message;
      const line = `[${log.logger ?? 'kafkajs'}] ${text}`;
      if (level === logLevel.NOTHING) return;
      if (level === logLevel.WARN && EXPECTED_WARNINGS.some((w) => w.test(text))) {
        logger.debug(line);
      } else if (level <= logLevel.WARN) {
        // "Restarting the consumer in 10802ms" repeats with other numbers: the same line still.
        const admitted = repeats.admit(line.replace(/\d+/g, '#'));
        if (!admitted) return;
        const said =
          admitted.repeatsHeld > 0 ? `${line} (and ${admitted.repeatsHeld} more since)` : line;
        if (level === logLevel.ERROR) logger.error(said);
        else logger.warn(said);
      } else logger.debug(line);
    };
}

/**
 * The level kafkajs is asked to log at. It builds an entry for every request at DEBUG, which
 * costs CPU per fetch, so DEBUG is asked for only when the process logs at debug or finer
 * (`LOG_LEVEL`, the service's own log level); otherwise INFO, which Nest shows as debug anyway.
 */
export function kafkajsLogLevel(processLogLevel = process.env.LOG_LEVEL): logLevel {
  return ['debug', 'trace', 'verbose'].includes(processLogLevel ?? '')
    ? logLevel.DEBUG
    : logLevel.INFO;
}
