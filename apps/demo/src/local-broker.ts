import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The project's own Kafka broker (scripts/kafka) for the commands a newcomer runs: the demo and
 * the benchmarks start it when none is up, and stop it afterwards only if they started it.
 * A broker named by KAFKA_BOOTSTRAP_SERVERS is the caller's and is never touched.
 */
export function ensureLocalBroker(root: string, say: (line: string) => void): boolean {
  if (process.env.KAFKA_BOOTSTRAP_SERVERS) return false;
  const running = spawnSync('bash', [join(root, 'scripts', 'kafka', 'status.sh')]).status === 0;
  if (running) return false;
  say('starting the local Kafka broker (first run resolves Apache Kafka from Maven Central)');
  const result = spawnSync('bash', [join(root, 'scripts', 'kafka', 'start.sh')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('could not start Kafka (see above)');
  return true;
}

/** Stops the broker `ensureLocalBroker` started (KEEP_KAFKA=1 keeps it, as in `npm test`). */
export function stopLocalBroker(root: string): void {
  if (process.env.KEEP_KAFKA) return;
  spawnSync('bash', [join(root, 'scripts', 'kafka', 'stop.sh')], { stdio: 'inherit' });
}
