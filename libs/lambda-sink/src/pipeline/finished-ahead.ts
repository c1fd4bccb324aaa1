/**
 * Offsets of one partition finished past its commit point (`ordering=key|none`), remembered while
 * this member keeps the partition. When the partition stops or waits out a retry, the commit stays
 * at the lowest unfinished offset and Kafka hands the records after it out again; those already
 * invoked (or handled) are not invoked a second time. A rebalance drops the partition's status and
 * this with it: another member may have invoked them meanwhile, so nothing is assumed then.
 */
export class FinishedAhead {
  private readonly offsets = new Set<number>();

  has(offset: number): boolean {
    return this.offsets.has(offset);
  }

  add(offsets: readonly number[]): void {
    for (const offset of offsets) this.offsets.add(offset);
  }

  /** The commit point passed these: what Kafka will not hand out again need not be kept. */
  committedThrough(offset: number): void {
    for (const kept of this.offsets) if (kept <= offset) this.offsets.delete(kept);
  }

  get size(): number {
    return this.offsets.size;
  }
}
