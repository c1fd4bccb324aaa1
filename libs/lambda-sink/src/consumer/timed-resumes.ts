/**
 * Partitions paused until a moment (a retry backoff, a batching window), each with the timer
 * that resumes it. Resuming is the caller's decision at that moment (`mayResume`): the sink may
 * be stopping, paused by the operator, or the partition failed or revoked meanwhile.
 */
export class TimedResumes {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly pause: (topic: string, partition: number) => void,
    private readonly resume: (topic: string, partition: number) => void,
    private readonly mayResume: (key: string) => boolean,
  ) {}

  /** Pauses the partition now and resumes it at `atMs` (epoch ms) if it may. */
  pauseUntil(key: string, topic: string, partition: number, atMs: number): void {
    this.cancel(key);
    this.pause(topic, partition);
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        if (this.mayResume(key)) this.resume(topic, partition);
      },
      Math.max(0, atMs - Date.now()),
    );
    this.timers.set(key, timer);
  }

  /** Whether the partition waits for its timer. */
  has(key: string): boolean {
    return this.timers.has(key);
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  cancelAll(): void {
    for (const key of [...this.timers.keys()]) this.cancel(key);
  }
}
