/**
 * Lets the same message through once per `windowMs` and counts the repeats it held back, so a
 * condition that recurs several times a second (a consumer crashing on a deleted topic, say)
 * stays visible in the log without flooding it.
 */
export class RepeatLimiter {
  private readonly seen = new Map<string, { at: number; held: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether `message` should be logged now, and how many repeats of it were held back since it
   * was last logged; undefined when it is held back.
   */
  admit(message: string): { repeatsHeld: number } | undefined {
    const now = this.now();
    const last = this.seen.get(message);
    if (last && now - last.at < this.windowMs) {
      last.held++;
      return undefined;
    }
    // Old entries go, so the map stays as small as the set of recent distinct messages.
    for (const [key, entry] of this.seen)
      if (now - entry.at >= this.windowMs) this.seen.delete(key);
    this.seen.set(message, { at: now, held: 0 });
    return { repeatsHeld: last?.held ?? 0 };
  }
}
