import type { Parameters } from 'fast-check';

/**
 * The seed every fuzz spec runs with unless `FUZZ_SEED` names another: a fixed seed makes each
 * CI run try the same cases, so a red run is a regression and not bad luck. Set `FUZZ_SEED` (and
 * `FUZZ_RUNS`, a multiplier of every property's runs) to explore beyond them; fast-check prints
 * the seed and path of any failure, which then becomes one of the property's `examples`.
 */
export const DEFAULT_FUZZ_SEED = 20261203;

export function fuzzParameters<T>(numRuns: number, extra: Parameters<T> = {}): Parameters<T> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : DEFAULT_FUZZ_SEED;
  const scale = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1;
  return { seed, numRuns: Math.max(1, Math.round(numRuns * scale)), ...extra };
}

/**
 * Runs `work` and fails when it took longer than `limitMs`: a parser that is merely slow on some
 * input is a hang in waiting (a record that stalls its partition). Synchronous work cannot be
 * interrupted, so a real hang is caught by the spec's own timeout instead.
 */
export function withinMs<T>(limitMs: number, what: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  const took = performance.now() - started;
  if (took > limitMs) throw new Error(`${what} took ${Math.round(took)} ms (limit ${limitMs} ms)`);
  return result;
}
