import type { LambdaFaults } from './fault.types';
import { validateFaults } from './fault-validator';
import { FunctionFaults } from './function-faults';

/**
 * Faults per function name (the base name, whatever form a request used). A name may get
 * faults before its function is registered, so a test can arm them first.
 */
export class FaultInjector {
  private readonly byFunction = new Map<string, FunctionFaults>();

  /** Replaces the function's faults and restarts their counters; throws InvalidFaultsError. */
  set(functionName: string, faults: LambdaFaults): void {
    this.byFunction.set(functionName, new FunctionFaults(validateFaults(functionName, faults)));
  }

  /** Clears one function's faults, or every function's. */
  clear(functionName?: string): void {
    if (functionName === undefined) this.byFunction.clear();
    else this.byFunction.delete(functionName);
  }

  of(functionName: string): FunctionFaults | undefined {
    return this.byFunction.get(functionName);
  }
}
