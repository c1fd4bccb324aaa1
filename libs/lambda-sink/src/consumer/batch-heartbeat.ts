import type { BatchSession } from '../kafka';

/** How often a long Lambda call keeps the group session alive (clients throttle to their interval). */
const HEARTBEAT_TICK_MS = 1000;

/**
 * Heartbeats while one fetched batch is worked on, so a long Lambda call keeps the member in
 * its group, and notes when a heartbeat says the group is rebalancing (finish the call in
 * flight, commit, return). Scoped to the batch on purpose: a flag that outlived it (say, after a
 * heartbeat lost to a broker restart, with no rebalance following) would make every later batch
 * return at once, unprocessed, in a busy loop.
 */
export class BatchHeartbeat {
  /** A heartbeat of this batch found the group rebalancing. */
  groupMoving = false;
  private readonly timer: NodeJS.Timeout;

  constructor(session: BatchSession) {
    this.timer = setInterval(() => {
      void session.heartbeat().then((stable) => {
        if (!stable) this.groupMoving = true;
      });
    }, HEARTBEAT_TICK_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
