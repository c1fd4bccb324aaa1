/** One record as the function sees it (the fields the soak checks). */
interface DeliveredRecord {
  payload: { partition: number; offset: number; key: unknown };
}

/**
 * What one function received, recorded by the function itself: how often each
 * `partition@offset` ran, and whether each key's first deliveries came in offset order. The
 * handler runs only when a call got past the endpoint's faults, so a throttled, failed or hung
 * call delivers nothing here.
 */
export class DeliveryLog {
  /** Per partition: times each offset was delivered (offsets of a new topic are dense). */
  private readonly counts = new Map<number, number[]>();
  /** Per partition: when each offset was first delivered (ms since the epoch). */
  private readonly firstAt = new Map<number, number[]>();
  /** Repeat deliveries, with when each record first ran (the first 1,000, for diagnosis). */
  readonly repeats: Array<{ record: string; firstAt: number; againAt: number }> = [];
  /** Per key: the offset of its latest first delivery. */
  private readonly lastFirstOffset = new Map<string, number>();
  private first = 0;
  private total = 0;
  /** First deliveries of a key whose offset was lower than an earlier first delivery's. */
  orderViolations = 0;
  readonly violationExamples: string[] = [];

  record(event: unknown): void {
    for (const { payload } of event as DeliveredRecord[]) {
      const { partition, offset } = payload;
      let byOffset = this.counts.get(partition);
      if (!byOffset) this.counts.set(partition, (byOffset = []));
      while (byOffset.length <= offset) byOffset.push(0);
      const seen = byOffset[offset];
      byOffset[offset] = seen + 1;
      this.total++;
      let times = this.firstAt.get(partition);
      if (!times) this.firstAt.set(partition, (times = []));
      if (seen > 0) {
        if (this.repeats.length < 1000)
          this.repeats.push({
            record: `${partition}@${offset}`,
            firstAt: times[offset] ?? 0,
            againAt: Date.now(),
          });
        continue;
      }
      while (times.length <= offset) times.push(0);
      times[offset] = Date.now();
      this.first++;
      // Keys hash to one partition, so a key's offsets are comparable.
      const key = `${partition}/${String(payload.key)}`;
      const previous = this.lastFirstOffset.get(key);
      if (previous !== undefined && offset < previous) {
        this.orderViolations++;
        if (this.violationExamples.length < 5)
          this.violationExamples.push(`key ${key}: offset ${offset} first ran after ${previous}`);
      }
      this.lastFirstOffset.set(key, offset);
    }
  }

  /** Distinct records delivered so far. */
  get firstDeliveries(): number {
    return this.first;
  }

  /** Deliveries beyond the first of each record. */
  get duplicates(): number {
    return this.total - this.first;
  }

  timesDelivered(partition: number, offset: number): number {
    return this.counts.get(partition)?.[offset] ?? 0;
  }

  /** Offsets below each partition's end that never reached the function. */
  missing(endOffsets: Map<number, number>): number {
    let missing = 0;
    for (const [partition, end] of endOffsets) {
      for (let offset = 0; offset < end; offset++) {
        if (this.timesDelivered(partition, offset) === 0) missing++;
      }
    }
    return missing;
  }

  /**
   * Records delivered but not covered by a committed offset: what a consumer starting from the
   * commits would invoke again. Keys are `partition@offset`.
   */
  uncommitted(committed: Map<number, number>): Set<string> {
    const window = new Set<string>();
    for (const [partition, byOffset] of this.counts) {
      const from = Math.max(0, committed.get(partition) ?? 0);
      for (let offset = from; offset < byOffset.length; offset++) {
        if (byOffset[offset] > 0) window.add(`${partition}@${offset}`);
      }
    }
    return window;
  }

  /** Records first delivered at or after `sinceMs` (ms since the epoch), as `partition@offset`. */
  firstDeliveredSince(sinceMs: number): Set<string> {
    const records = new Set<string>();
    for (const [partition, times] of this.firstAt) {
      times.forEach((at, offset) => {
        if (at >= sinceMs) records.add(`${partition}@${offset}`);
      });
    }
    return records;
  }

  /** Every record delivered more than once, as `partition@offset` → extra deliveries. */
  duplicated(): Map<string, number> {
    const extra = new Map<string, number>();
    for (const [partition, byOffset] of this.counts) {
      byOffset.forEach((n, offset) => {
        if (n > 1) extra.set(`${partition}@${offset}`, n - 1);
      });
    }
    return extra;
  }
}
