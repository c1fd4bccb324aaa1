import { Logger } from '@nestjs/common';
import { describeError } from '../errors/messages';
import { startupMessages } from './startup-messages';

/** What the starter needs of the engine (LambdaSinkEngine; fakes in specs). */
export interface StartableSink {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How the background start is doing, for readiness. */
export interface BackgroundStartState {
  /** True from `begin()` until a start succeeded (or the starter was halted). */
  starting: boolean;
  attempts: number;
  /** The last failed attempt's error (messages never carry credentials). */
  lastError?: string;
}

export interface BackgroundStartBackoff {
  initialMs: number;
  maxMs: number;
}

/**
 * Starts the sink after the host app's bootstrap (`autoStart: 'background'`) and keeps trying
 * until it runs: a host whose Kafka or Lambda is briefly away at deploy time should come up,
 * answer its own routes and report not-ready, rather than crash-loop. Backoff doubles from 1 s
 * to 30 s so a long outage costs a log line every half minute, not a storm.
 */
export class BackgroundStarter {
  readonly state: BackgroundStartState = { starting: false, attempts: 0 };
  private readonly logger = new Logger('LambdaSink');
  private halted = false;
  private timer?: NodeJS.Timeout;
  private attempt?: Promise<void>;

  constructor(
    private readonly sink: StartableSink,
    private readonly backoff: BackgroundStartBackoff = { initialMs: 1000, maxMs: 30_000 },
  ) {}

  /** Schedules the first attempt and returns at once. */
  begin(): void {
    this.halted = false;
    this.state.starting = true;
    this.schedule(0);
  }

  /**
   * Stops retrying, and waits up to `waitMs` for an attempt under way (a kafkajs connect to a
   * missing broker takes seconds to give up), so shutdown is never held up longer than that.
   */
  async halt(waitMs: number): Promise<void> {
    this.halted = true;
    this.state.starting = false;
    clearTimeout(this.timer);
    if (!this.attempt) return;
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      this.attempt,
      new Promise<void>((resolve) => (timeout = setTimeout(resolve, waitMs))),
    ]);
    clearTimeout(timeout);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.attempt = this.tryStart().finally(() => (this.attempt = undefined));
    }, delayMs);
  }

  private async tryStart(): Promise<void> {
    if (this.halted) return;
    this.state.attempts++;
    try {
      await this.sink.start();
      this.state.starting = false;
      this.state.lastError = undefined;
      if (this.state.attempts > 1) this.logger.log(startupMessages.started(this.state.attempts));
    } catch (error) {
      this.state.lastError = describeError(error);
      // A start that failed half-way (some tasks joined) leaves nothing running behind it.
      await this.sink.stop().catch(() => undefined);
      if (this.halted) return;
      const delayMs = Math.min(
        this.backoff.maxMs,
        this.backoff.initialMs * 2 ** (this.state.attempts - 1),
      );
      this.logger.warn(
        startupMessages.retrying(this.state.attempts, this.state.lastError, delayMs),
      );
      this.schedule(delayMs);
    }
  }
}
