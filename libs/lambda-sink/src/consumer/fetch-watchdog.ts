/** A consumer that has not fetched for this long, with no batch in progress, is stuck. */
const STALL_AFTER_MS = 45_000;
const CHECK_EVERY_MS = 5_000;

/**
 * Notices a kafkajs consumer that stopped fetching without crashing (seen here after a broker
 * restart: joined, lag growing, no fetch for minutes). An idle kafkajs consumer fetches at least
 * every maxWaitTime, so silence for STALL_AFTER_MS while no batch is being processed means it is
 * stuck, and `onStall` replaces it.
 */
export class FetchWatchdog {
  private lastFetchAt = Date.now();
  private timer?: NodeJS.Timeout;

  constructor(
    /** False while a batch is in progress or the consumer is being replaced anyway. */
    private readonly mayCheck: () => boolean,
    private readonly onStall: (silentForMs: number) => void,
    private readonly stallAfterMs = STALL_AFTER_MS,
  ) {}

  start(): void {
    this.fetched();
    this.timer = setInterval(() => this.check(), Math.min(CHECK_EVERY_MS, this.stallAfterMs));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Call on every kafkajs FETCH event, and when a replacement consumer starts. */
  fetched(): void {
    this.lastFetchAt = Date.now();
  }

  private check(): void {
    if (!this.mayCheck()) return;
    const silentFor = Date.now() - this.lastFetchAt;
    if (silentFor < this.stallAfterMs) return;
    this.fetched();
    this.onStall(silentFor);
  }
}
