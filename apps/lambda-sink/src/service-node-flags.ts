/**
 * The Node flags the service runs with: `npm start`, the container image (docs/deploy), the
 * demo, the tests that start it as a process and `npm run bench`.
 *
 * They trade a little CPU for a resident size that stays put under a backlog. Measured with
 * 500,000 records queued (bench `memory`): V8's defaults let the heap grow to four times its
 * live size (33 MB live, 141 MB before a collection) and the young generation to 48 MB, for a
 * peak RSS of 305 MB that kept rising; with these, 214 MB peak and the end within 7 % of the
 * start, at about 10 % less throughput when the sink is CPU-bound. The old-space ceiling is not
 * a tight cap: a batch payload is at most 6 MB, and 512 MB leaves room for dozens in flight.
 * Keep the three places that spell them out (package.json, Dockerfile) equal; a spec checks.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = [
  '--max-old-space-size=512',
  '--max-semi-space-size=8',
];
