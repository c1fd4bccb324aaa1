/**
 * The Node flags the service runs with: `npm start`, the container image (docs/deploy), the
 * demo, the tests that start it as a process and `npm run bench`.
 *
 * They trade some CPU for a resident size that stays put under a backlog. Measured with
 * 500,000 records queued (bench `memory`, with an invoke thread on): V8's defaults let the heap
 * grow to four times its live size (33 MB live, 141 MB before a collection) and the young
 * generation to 48 MB, for a peak RSS of 305 MB; with these, 212 MB (165 MB without the invoke
 * thread, flat after warm-up), at 10-15 % less throughput when the sink is CPU-bound. The
 * old-space ceiling is not a tight cap: a batch payload is at most 6 MB and lives outside the
 * heap, and 512 MB leaves room for dozens of batches' records in flight.
 * `npm start` (scripts/start.mjs) reads this list; the two places that spell it out (package.json's
 * `bench` script, the Dockerfile) are kept equal by a spec.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = [
  '--max-old-space-size=512',
  '--max-semi-space-size=8',
  // kafkajs 2.2.4 (unmaintained) arms its throttle timer with a negative delay whenever nothing
  // is throttled (network/requestQueue). Every Node runs that timer after 1 ms; Node 23+ also
  // prints a warning at each start that reads like a fault. (This hides that warning type only.)
  '--disable-warning=TimeoutNegativeWarning',
];
