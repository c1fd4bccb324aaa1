import type { LambdaFaults } from '../../../libs/lambda-local/src';

/**
 * What a benchmark function does with the records it receives. `count` only counts them
 * (the "instant" function); `latency` also reads the produce time each record carries in its
 * value (`{"t": <ms>}`) and keeps `now - t`; `keyorder` also checks that, per topic-partition
 * and key, each record's first delivery comes in offset order (the `ordering=key` promise).
 */
export type BenchFunctionKind = 'count' | 'latency' | 'keyorder';

/** Counters of one function, as the endpoint child saw them. */
export interface FunctionStats {
  records: number;
  invocations: number;
  /**
   * Epoch ms the first invocation arrived (before the injected latency) and the latest one
   * reached the handler (after it), 0 before any: the span in which `records` were processed.
   */
  firstAt: number;
  lastAt: number;
  maxBatch: number;
  /** `keyorder`: first deliveries of a record that came after a later offset of its key. */
  orderViolations: number;
  /** `keyorder`: distinct records (topic-partition and offset) delivered; 0 for other kinds. */
  distinctRecords: number;
  /** Calls the endpoint answered 429 TooManyRequestsException (they never reach the handler). */
  throttled: number;
}

/** The endpoint child's own cost, so a report can tell it apart from the sink's. */
export interface EndpointProcessStats {
  cpuUserMs: number;
  cpuSystemMs: number;
  rssBytes: number;
}

export type EndpointRequest =
  | { op: 'register'; name: string; kind: BenchFunctionKind }
  | { op: 'setFaults'; name: string; faults: LambdaFaults }
  | { op: 'stats'; name: string }
  | { op: 'latencies'; name: string }
  | { op: 'process' };

export interface EndpointResponses {
  register: null;
  setFaults: null;
  stats: FunctionStats;
  latencies: number[];
  process: EndpointProcessStats;
}

export type EndpointEnvelope = { id: number } & EndpointRequest;

export type EndpointReply =
  { kind: 'ready'; url: string } | { kind: 'reply'; id: number; result?: unknown; error?: string };
