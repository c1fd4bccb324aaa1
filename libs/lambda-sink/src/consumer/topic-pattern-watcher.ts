import { Logger } from '@nestjs/common';
import type { KafkaClientPort } from '../kafka';
import { describeError } from '../errors/messages';

/**
 * `topics.regex` picks up topics created after the sink started, as Connect does. The
 * consumer resolves a pattern once, at subscribe time, so this watcher lists the cluster's topics every
 * `metadata.max.age.ms` and calls `onChange` when the set of matching topics grew or shrank.
 */
export class TopicPatternWatcher {
  private readonly logger = new Logger('LambdaSink topics');
  private timer?: NodeJS.Timeout;
  private known?: string;
  private stopped = false;

  constructor(
    private readonly kafka: KafkaClientPort,
    private readonly pattern: RegExp,
    private readonly intervalMs: number,
    private readonly onChange: (topics: string[]) => Promise<void>,
  ) {}

  async start(): Promise<void> {
    this.known = (await this.matching()).join(',');
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One check at a time: the next is scheduled when the previous (and any resubscribe) is done. */
  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(
      () => void this.check().finally(() => this.schedule()),
      this.intervalMs,
    );
    this.timer.unref();
  }

  private async check(): Promise<void> {
    try {
      const topics = await this.matching();
      if (topics.join(',') === this.known) return;
      this.known = topics.join(',');
      this.logger.log(
        `topics matching ${this.pattern} are now: ${topics.join(', ') || 'none'}; resubscribing`,
      );
      await this.onChange(topics);
    } catch (error) {
      this.logger.warn(
        `could not refresh the topics matching ${this.pattern}: ${describeError(error)}`,
      );
    }
  }

  private async matching(): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return (await admin.listTopics()).filter((t) => this.pattern.test(t)).sort();
    } finally {
      await admin.disconnect();
    }
  }
}
