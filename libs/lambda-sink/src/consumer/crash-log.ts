import type { Logger } from '@nestjs/common';
import { describeError } from '../errors/messages';
import { RepeatLimiter } from '../logging/repeat-limiter';

/**
 * Logs consumer crashes at a bounded rate: a deleted topic crashes kafkajs' consumer several
 * times a second, so the same crash is said twice a minute, with how often it happened since.
 */
export class CrashLog {
  private readonly limiter = new RepeatLimiter(30_000);

  constructor(private readonly logger: Logger) {}

  crashed(error: Error, restartedByClient: boolean): void {
    const message = `consumer crashed: ${describeError(error)}; ${restartedByClient ? 'the client restarts it' : 'restarting it'}`;
    const admitted = this.limiter.admit(message);
    if (!admitted) return;
    const held = admitted.repeatsHeld;
    this.logger.error(held > 0 ? `${message} (and ${held} more time(s) since last said)` : message);
  }
}
