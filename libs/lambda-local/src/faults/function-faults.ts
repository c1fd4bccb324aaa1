import type { FunctionErrorKind } from '../functions/handler-runner';
import type {
  FaultTrigger,
  FunctionErrorFault,
  LambdaFaults,
  LatencyFault,
  ServerErrorFault,
  ThrottleFault,
} from './fault.types';

/** What an Invoke call meets, decided when it arrives so "first N" follows arrival order. */
export type InvokeFaultOutcome =
  | { kind: 'none' }
  | { kind: 'deny' }
  | { kind: 'throttle'; reason: string; retryAfterSeconds: number }
  | { kind: 'serverError'; status: number; errorType?: string }
  | { kind: 'hang' }
  | {
      kind: 'functionError';
      functionError: FunctionErrorKind;
      errorType: string;
      message?: string;
    };

export interface InvokeFaultDecision {
  latencyMs: number;
  outcome: InvokeFaultOutcome;
  /**
   * Set when the call took one of the function's `concurrencyLimit` executions: call it once
   * the answer is written (or the connection is gone). Calling it again does nothing.
   */
  release?: () => void;
}

const NONE: InvokeFaultOutcome = { kind: 'none' };

/** Counts the calls that reach one fault and says whether it fires for this one. */
class TriggerCounter {
  private seen = 0;

  constructor(private readonly trigger: FaultTrigger) {}

  fires(): boolean {
    const call = this.seen++;
    if (this.trigger.firstN !== undefined) return call < this.trigger.firstN;
    if (this.trigger.ratio !== undefined) return Math.random() < this.trigger.ratio;
    return true;
  }
}

/**
 * One function's faults with their own counters. Built anew by every setFaults, so
 * "first N" always counts from the moment the faults were set.
 */
export class FunctionFaults {
  private readonly throttle?: { counter: TriggerCounter; fault: ThrottleFault };
  private readonly serverError?: { counter: TriggerCounter; fault: ServerErrorFault };
  private readonly hang?: { counter: TriggerCounter; fault: FaultTrigger };
  private readonly functionError?: { counter: TriggerCounter; fault: FunctionErrorFault };

  /** Synchronous calls running now, against `concurrencyLimit`. */
  private executions = 0;

  constructor(private readonly faults: LambdaFaults) {
    this.throttle = counted(faults.throttle);
    this.serverError = counted(faults.serverError);
    this.functionError = counted(faults.functionError);
    this.hang = counted(faults.hang);
  }

  get deniesInvoke(): boolean {
    return this.faults.denyInvoke === true;
  }

  get deniesGetFunction(): boolean {
    return this.faults.denyGetFunction === true;
  }

  /** Synchronous calls of this function running now (those `concurrencyLimit` counts). */
  get running(): number {
    return this.executions;
  }

  /**
   * Decides a RequestResponse (`synchronous`) or Event call; `payload` is the raw body, `event`
   * its JSON.
   */
  decideInvoke(event: unknown, payload: string, synchronous = true): InvokeFaultDecision {
    const limit = this.faults.concurrencyLimit;
    if (limit && synchronous && !this.deniesInvoke) {
      if (this.executions >= limit.max) {
        const outcome: InvokeFaultOutcome = {
          kind: 'throttle',
          reason: limit.reason ?? 'ReservedFunctionConcurrentInvocationLimitExceeded',
          retryAfterSeconds: limit.retryAfterSeconds ?? 1,
        };
        // Refused before it runs: no latency, as Lambda answers at once.
        return { latencyMs: 0, outcome };
      }
      this.executions++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.executions--;
      };
      return { ...this.decide(event, payload), release };
    }
    return this.decide(event, payload);
  }

  private decide(event: unknown, payload: string): InvokeFaultDecision {
    return { latencyMs: pickLatency(this.faults.latencyMs), outcome: this.outcome(event, payload) };
  }

  private outcome(event: unknown, payload: string): InvokeFaultOutcome {
    if (this.deniesInvoke) return { kind: 'deny' };
    const fires = (armed?: { counter: TriggerCounter; fault: FaultTrigger }) =>
      armed !== undefined && matches(armed.fault, event, payload) && armed.counter.fires();
    if (this.throttle && fires(this.throttle)) {
      const { reason, retryAfterSeconds } = this.throttle.fault;
      return {
        kind: 'throttle',
        reason: reason ?? 'ConcurrentInvocationLimitExceeded',
        retryAfterSeconds: retryAfterSeconds ?? 1,
      };
    }
    if (this.serverError && fires(this.serverError)) {
      const { status, errorType } = this.serverError.fault;
      return { kind: 'serverError', status: status ?? 500, errorType };
    }
    if (fires(this.hang)) return { kind: 'hang' };
    if (this.functionError && fires(this.functionError)) {
      const { kind, errorType, message } = this.functionError.fault;
      return {
        kind: 'functionError',
        functionError: kind ?? 'Unhandled',
        errorType: errorType ?? 'Error',
        message,
      };
    }
    return NONE;
  }
}

function counted<T extends FaultTrigger>(fault: T | true | undefined) {
  if (!fault) return undefined;
  const settings = (fault === true ? {} : fault) as T;
  return { counter: new TriggerCounter(settings), fault: settings };
}

/** A fault limited by a predicate counts only the calls that match it. */
function matches(fault: FaultTrigger, event: unknown, payload: string): boolean {
  if (fault.payloadContains !== undefined && !payload.includes(fault.payloadContains)) return false;
  return fault.when === undefined || fault.when(event);
}

function pickLatency(latency: LatencyFault | undefined): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  return latency.min + Math.random() * (latency.max - latency.min);
}
