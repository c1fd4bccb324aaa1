/** What one drain of a topic measured: the steady rate and who spent the CPU. */
export interface RunMeasure {
  label: string;
  records: number;
  /**
   * Startup and group join excluded. Bare consumer: from the first fetched batch handed to
   * `eachBatch` to the last, leaving out the records of that first batch (fetched before the
   * clock started). Sink: from the arrival of the first invocation at the endpoint to the end
   * of the last one.
   */
  seconds: number;
  recordsPerSecond: number;
  /** From the start call to the last record, startup included. */
  wallSeconds: number;
  invocations?: number;
  /** CPU milliseconds per 1,000 records, by process (a figure the machine's noise moves less). */
  cpuMsPerKRecord: { consumer: number; endpoint?: number; broker?: number };
  /** The run hit its time limit before every record arrived. */
  timedOut: boolean;
}

export interface CpuSnapshot {
  consumer: number;
  endpoint?: number;
  broker?: number;
}

export function measure(
  label: string,
  span: {
    records: number;
    firstRecords: number;
    startedAt: number;
    firstAt: number;
    lastAt: number;
  },
  cpuBefore: CpuSnapshot,
  cpuAfter: CpuSnapshot,
  extra: { invocations?: number; timedOut: boolean },
): RunMeasure {
  const seconds = Math.max(0.001, (span.lastAt - span.firstAt) / 1000);
  const perK = (before?: number, after?: number) =>
    before === undefined || after === undefined || span.records === 0
      ? undefined
      : ((after - before) / span.records) * 1000;
  return {
    label,
    records: span.records,
    seconds,
    recordsPerSecond: (span.records - span.firstRecords) / seconds,
    wallSeconds: (span.lastAt - span.startedAt) / 1000,
    invocations: extra.invocations,
    cpuMsPerKRecord: {
      consumer: perK(cpuBefore.consumer, cpuAfter.consumer) ?? Number.NaN,
      endpoint: perK(cpuBefore.endpoint, cpuAfter.endpoint),
      broker: perK(cpuBefore.broker, cpuAfter.broker),
    },
    timedOut: extra.timedOut,
  };
}
