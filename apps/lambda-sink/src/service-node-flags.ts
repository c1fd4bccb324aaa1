/**
 * The Node flags the service runs with: `npm start`, the container image (docs/deploy), the
 * demo, the tests that start it as a process and `npm run bench`.
 *
 * The heap flags trade some CPU for a resident size that stays put under a backlog. Measured with
 * 500,000 records queued (bench `memory`, with an invoke thread on): V8's defaults let the heap
 * grow to four times its live size (33 MB live, 141 MB before a collection) and the young
 * generation to 48 MB, for a peak RSS of 305 MB; with these, 212 MB (165 MB without the invoke
 * thread, flat after warm-up), at 10-15 % less throughput when the sink is CPU-bound. The
 * old-space ceiling is not a tight cap: a batch payload is at most 6 MB and lives outside the
 * heap, and 512 MB leaves room for dozens of batches' records in flight.
 *
 * They are defaults an operator sizes through `NODE_OPTIONS` (e.g. to a container's memory
 * limit): Node reads NODE_OPTIONS first and lets the command line override it, so a heap flag
 * NODE_OPTIONS sets must not also be on the command line (`serviceNodeFlags`), and the image sets
 * them as its default NODE_OPTIONS instead of in its ENTRYPOINT.
 */
export const SERVICE_HEAP_FLAGS: readonly string[] = [
  '--max-old-space-size=512',
  '--max-semi-space-size=8',
];

/** Flags that are always passed. */
export const SERVICE_FIXED_FLAGS: readonly string[] = [
  // kafkajs 2.2.4 (unmaintained) arms its throttle timer with a negative delay whenever nothing
  // is throttled (network/requestQueue). Every Node runs that timer after 1 ms; Node 23+ also
  // prints a warning at each start that reads like a fault. (This hides that warning type only.)
  '--disable-warning=TimeoutNegativeWarning',
];

export const SERVICE_NODE_FLAGS: readonly string[] = [
  ...SERVICE_HEAP_FLAGS,
  ...SERVICE_FIXED_FLAGS,
];

/** `--max_old_space_size=1` and `--max-old-space-size 1` name the same V8 flag. */
const flagName = (flag: string) => flag.split('=')[0].replaceAll('_', '-');

/**
 * The flags to start the service with when NODE_OPTIONS is `nodeOptions`: the heap defaults
 * NODE_OPTIONS does not set itself, then the fixed flags.
 */
export function serviceNodeFlags(nodeOptions = ''): string[] {
  const set = new Set(nodeOptions.split(/\s+/).filter(Boolean).map(flagName));
  return [...SERVICE_HEAP_FLAGS.filter((flag) => !set.has(flagName(flag))), ...SERVICE_FIXED_FLAGS];
}
