import { Logger } from '@nestjs/common';
import type { PrepareControls } from '../converter';
import { registryRetrying } from '../conversion-messages';
import { SchemaRegistryUnavailableError } from './schema-registry.errors';

// Backoff between attempts: doubling from BASE up to MAX. The wait happens in the batch
// handler (heartbeats go on), in slices so that a rebalance or shutdown is noticed quickly.
const BASE_DELAY_MS = 200;
const MAX_DELAY_MS = 10_000;
const SLICE_MS = 100;

const logger = new Logger('LambdaSink');

/**
 * Runs `attempt` until it passes while the registry is unavailable: its records are fine and
 * must not be skipped. Any other error is thrown at once. Logged on attempts 1, 2, 4, 8, …
 * so a long outage does not flood the log.
 */
export async function retryWhileUnavailable(
  attempt: () => Promise<void>,
  until: PrepareControls,
): Promise<void> {
  for (let failures = 1; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof SchemaRegistryUnavailableError)) throw error;
      if (until.shouldStop() || until.signal.aborted) throw error;
      const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(failures - 1, 16));
      if ((failures & (failures - 1)) === 0) {
        logger.warn(registryRetrying(failures, delay, error.message));
      }
      await sleep(delay, until);
      if (until.shouldStop() || until.signal.aborted) throw error;
    }
  }
}

async function sleep(ms: number, until: PrepareControls): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end && !until.shouldStop() && !until.signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(SLICE_MS, end - Date.now())));
  }
}
