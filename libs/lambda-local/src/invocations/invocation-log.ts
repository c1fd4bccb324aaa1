import type { InvocationRecord } from './invocation-record';

/** Every Invoke request in arrival order, until cleared. */
export class InvocationLog {
  private records: InvocationRecord[] = [];

  get all(): readonly InvocationRecord[] {
    return this.records;
  }

  add(record: InvocationRecord): void {
    this.records.push(record);
  }

  /**
   * Starts a new array rather than emptying the old one, so a caller still holding the
   * previous `all` keeps a stable snapshot.
   */
  clear(): void {
    this.records = [];
  }

  of(functionName: string): InvocationRecord[] {
    return this.records.filter((r) => r.functionName === functionName);
  }
}
