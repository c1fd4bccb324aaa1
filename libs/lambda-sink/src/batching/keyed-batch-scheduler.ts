import type { BatchPlanItem } from './lambda-batch';
import { ARRAY_FRAME, type PayloadFrame } from './payload-sizer';
import { toBatch, type SerializedRecord } from './partition-batcher';

export interface KeyedBatchSchedulerOptions {
  /** `aws.lambda.batch.size`. */
  maxRecords: number;
  /** Lambda's request limit for the invocation type. */
  maxPayloadBytes: number;
  /** What surrounds the elements (`aws.lambda.payload.format`); a JSON array by default. */
  frame?: PayloadFrame;
  /**
   * The ordering key of a record, or undefined when records need no order among themselves
   * (`aws.lambda.ordering=none`). Records with the same key are never in two batches in flight
   * at once, and go out in offset order.
   */
  keyOf: (record: SerializedRecord) => string | undefined;
}

/**
 * Cuts one partition's records into Lambda batches that may run concurrently
 * (`aws.lambda.ordering=key` or `none`). `next()` gives the next batch that may start now: the
 * earliest pending records whose key is not in flight, in offset order, under the count and byte
 * limits. A record of a key that is in flight — or behind an earlier pending record of its key —
 * waits, so per key the invocations follow offset order and never overlap. A batch may mix keys.
 * Pure: no I/O, no timers; the dispatcher calls `finished` when a batch's outcome is settled.
 */
export class KeyedBatchScheduler {
  private pending: SerializedRecord[];
  /** Keys in flight, with how many batches in flight hold each (always 1 with ordering). */
  private readonly inFlight = new Map<string, number>();
  private readonly keysOf = new Map<BatchPlanItem, string[]>();

  constructor(
    records: readonly SerializedRecord[],
    private readonly options: KeyedBatchSchedulerOptions,
  ) {
    this.pending = [...records];
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** The next batch that may start now, or undefined if every pending record must wait. */
  next(): BatchPlanItem | undefined {
    const { maxRecords, maxPayloadBytes, keyOf } = this.options;
    const frame = this.options.frame ?? ARRAY_FRAME;
    const blocked = new Set(this.inFlight.keys());
    const chosen: SerializedRecord[] = [];
    let bytes = frame.bytes;
    for (const item of this.pending) {
      const key = keyOf(item);
      if (key !== undefined && blocked.has(key)) continue;
      if (frame.bytes + item.bytes > maxPayloadBytes) {
        // Too large for any payload: handled on its own, as a data error, at its place in its
        // key's order — nothing of its key may pass it.
        if (chosen.length === 0) return this.take([item], 0, true);
        if (key !== undefined) blocked.add(key);
        continue;
      }
      if (chosen.length >= maxRecords) break;
      const separator = chosen.length > 0 ? 1 : 0;
      if (bytes + separator + item.bytes > maxPayloadBytes) break;
      chosen.push(item);
      bytes += separator + item.bytes;
    }
    return chosen.length > 0 ? this.take(chosen, bytes, false) : undefined;
  }

  /** The batch's outcome is settled (done, handled by policy, or abandoned): its keys are free. */
  finished(item: BatchPlanItem): void {
    for (const key of this.keysOf.get(item) ?? []) {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    }
    this.keysOf.delete(item);
  }

  private take(items: SerializedRecord[], bytes: number, oversized: boolean): BatchPlanItem {
    const taken = new Set(items);
    const frame = this.options.frame ?? ARRAY_FRAME;
    this.pending = this.pending.filter((r) => !taken.has(r));
    const item: BatchPlanItem = oversized
      ? {
          kind: 'oversized',
          oversized: {
            record: items[0].record,
            payloadBytes: frame.bytes + items[0].bytes,
            limitBytes: this.options.maxPayloadBytes,
          },
        }
      : { kind: 'batch', batch: toBatch(items, bytes, frame) };
    const keys = [
      ...new Set(items.map((r) => this.options.keyOf(r)).filter((k) => k !== undefined)),
    ];
    for (const key of keys) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    this.keysOf.set(item, keys);
    return item;
  }
}

/** The ordering key of a record by its Kafka key's bytes; all null keys are one key. */
export function recordKey(record: SerializedRecord): string {
  const key = record.record.original.key;
  return key === null ? 'null' : `k:${key.toString('latin1')}`;
}
