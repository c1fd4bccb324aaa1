/**
 * Which offsets of a partition's run are finished, when they finish out of order. The commit
 * point is the lowest offset not yet finished: it never passes an unfinished record, whatever
 * order invocations complete in (SPEC section 4, "gap-aware").
 */
export class OffsetLedger {
  private readonly offsets: number[] = [];
  private readonly finished = new Set<number>();
  /** Index into `offsets` of the lowest unfinished offset. */
  private low = 0;

  /** Adds the offsets of records about to be worked on; they must be higher than any added. */
  add(offsets: Iterable<number>): void {
    for (const offset of offsets) {
      const last = this.offsets.at(-1);
      if (last !== undefined && offset <= last)
        throw new RangeError(`offset ${offset} added after ${last}`);
      this.offsets.push(offset);
    }
  }

  finish(offsets: Iterable<number>): void {
    for (const offset of offsets) this.finished.add(offset);
    while (this.low < this.offsets.length && this.finished.has(this.offsets[this.low])) {
      this.finished.delete(this.offsets[this.low]);
      this.low++;
    }
  }

  /** The highest offset with everything up to it finished; undefined while none is. */
  doneThrough(): number | undefined {
    return this.low === 0 ? undefined : this.offsets[this.low - 1];
  }

  /** The lowest offset not finished; undefined when all are. */
  lowestUnfinished(): number | undefined {
    return this.offsets[this.low];
  }
}
