/**
 * Whether the task's batches should finish what they hold and return because the group is
 * moving: the client said it is rebalancing, or the task itself is leaving to resubscribe.
 *
 * The client's signal ends when the member joins again, or when the client fetches again
 * without a join. kafkajs does the latter after a broker restart: a fetch or heartbeat answered
 * NOT_COORDINATOR says "rebalancing", the rejoin fails while the broker is away, and once the
 * broker is back its retry resumes fetching with the member it had. A flag only a join cleared
 * then stayed set for good: every batch returned unprocessed and was fetched again, in a loop
 * the fetch watchdog took for a live consumer (a CI soak lost 7,360 records that way).
 */
export class GroupMotion {
  private signalledByClient = false;
  private leavingToResubscribe = false;

  get moving(): boolean {
    return this.signalledByClient || this.leavingToResubscribe;
  }

  /** The client says the group is rebalancing. */
  rebalancing(): void {
    this.signalledByClient = true;
  }

  /** The task leaves the group to join again with a new subscription. */
  resubscribing(): void {
    this.leavingToResubscribe = true;
  }

  /** The member joined (again): the group has settled. */
  joined(): void {
    this.signalledByClient = false;
    this.leavingToResubscribe = false;
  }

  /**
   * The client fetched: it is consuming again with the membership it has. True when that ended
   * a rebalance signal no join followed (worth a log line: the rejoin was skipped).
   */
  fetched(): boolean {
    const ended = this.signalledByClient;
    this.signalledByClient = false;
    return ended;
  }
}
