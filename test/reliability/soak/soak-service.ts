import type { LambdaLocal } from '../../../libs/lambda-local/src';
import { committedOffsets, createTopic, uniqueName, withAdmin } from '../../support/kafka';
import { sinkProperties } from '../../support/sink';
import { spawnSink, writePropertiesFile, type SinkProcess } from '../../support/sink-process';
import { rssMb, sleep } from '../harness';
import { DeliveryLog } from './delivery-log';

export type Ordering = 'partition' | 'key';

/** A sink process the soak started, with where its HTTP API listens once it said so. */
interface Instance {
  process: SinkProcess;
  startedAt: number;
  expectedExit: boolean;
}

/**
 * One service under test: its input topic, result topic, function (recording every delivery)
 * and the processes running it — a primary that is killed and restarted, and a second one while
 * the soak scales it out.
 */
export class SoakService {
  readonly deliveries = new DeliveryLog();
  readonly name: string;
  readonly topic: string;
  readonly resultTopic: string;
  readonly functionName: string;
  private configFile = '';
  primary?: Instance;
  private extra?: Instance;
  /** Exits nobody asked for (a crash), with the process's last words. */
  readonly unexpectedExits: string[] = [];
  /** Every process this service ran, in start order: the soak keeps their logs. */
  private readonly processes: Instance[] = [];

  constructor(
    private readonly lambda: LambdaLocal,
    readonly ordering: Ordering,
    readonly partitions: number,
  ) {
    this.name = uniqueName(`soak-${ordering}`);
    this.topic = `${this.name}-in`;
    this.resultTopic = `${this.name}-success`;
    this.functionName = uniqueName(`soak-fn-${ordering}`);
  }

  get groupId(): string {
    return `connect-${this.name}`;
  }

  async setUp(socketTimeoutMs: number): Promise<void> {
    await createTopic(this.topic, this.partitions);
    await createTopic(this.resultTopic, 1);
    this.lambda.registerFunction(this.functionName, async (event: unknown) => {
      // A function that does a little work: 2–12 ms a batch.
      await sleep(2 + Math.random() * 10);
      this.deliveries.record(event);
      return (event as unknown[]).map(() => 'ok');
    });
    this.configFile = writePropertiesFile(
      sinkProperties(this.lambda, {
        name: this.name,
        topics: this.topic,
        'aws.lambda.function.name': this.functionName,
        'aws.lambda.ordering': this.ordering,
        'aws.lambda.batch.size': '20',
        'aws.lambda.socket.timeout': String(socketTimeoutMs),
        // Every fault of the soak is one a patient sink rides out: none may exhaust retries.
        'aws.lambda.max.retries': '1000',
        'aws.lambda.retry.backoff.max.ms': '1000',
        'reporter.result.topic.name': this.resultTopic,
        listeners: 'http://127.0.0.1:0',
      }),
    );
    this.primary = this.spawn();
  }

  private spawn(): Instance {
    const instance: Instance = {
      process: spawnSink(this.configFile),
      startedAt: Date.now(),
      expectedExit: false,
    };
    this.processes.push(instance);
    void instance.process.exited.then((code) => {
      if (!instance.expectedExit)
        this.unexpectedExits.push(
          `${this.ordering} service pid ${instance.process.child.pid} exited ${code}: ${instance.process.output().slice(-600)}`,
        );
    });
    return instance;
  }

  /** SIGKILL of the primary; resolves with what it had delivered but not committed (replayed next). */
  async kill(): Promise<Set<string>> {
    const victim = this.primary;
    if (!victim) return new Set();
    victim.expectedExit = true;
    victim.process.child.kill('SIGKILL');
    await victim.process.exited;
    // Calls the dead process had sent still finish at the endpoint.
    await sleep(300);
    const window = await this.replayWindow();
    this.primary = this.spawn();
    return window;
  }

  /** Records delivered but not committed right now: what a rebalance may hand to another member. */
  async replayWindow(): Promise<Set<string>> {
    const window = this.deliveries.uncommitted(await committedOffsets(this.groupId, this.topic));
    return new Set([...window].map((record) => `${this.ordering}:${record}`));
  }

  /** Records first delivered since `sinceMs`, keyed as `replayWindow` keys them. */
  deliveredSince(sinceMs: number): Set<string> {
    const records = this.deliveries.firstDeliveredSince(sinceMs);
    return new Set([...records].map((record) => `${this.ordering}:${record}`));
  }

  scaleOut(): void {
    this.extra = this.spawn();
  }

  async scaleIn(): Promise<number | null> {
    const extra = this.extra;
    if (!extra) return null;
    this.extra = undefined;
    extra.expectedExit = true;
    extra.process.child.kill('SIGTERM');
    return extra.process.exited;
  }

  /** The primary's RSS in MB and its age in ms, or undefined while it is not up. */
  rss(): { mb: number; ageMs: number; pid: number } | undefined {
    const pid = this.primary?.process.child.pid;
    if (!pid || !this.primary) return undefined;
    try {
      return { mb: rssMb(pid), ageMs: Date.now() - this.primary.startedAt, pid };
    } catch {
      return undefined;
    }
  }

  /** Partitions the primary's metrics show FAILED (0 when its HTTP API is not up yet). */
  async failedPartitions(): Promise<number> {
    let failed = 0;
    for (const instance of [this.primary, this.extra]) {
      const url = instance?.process
        .output()
        .match(/HTTP \(health, status, metrics\) on (http:\/\/[^"\s]+)/)?.[1];
      if (!url) continue;
      const text = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.text())
        .catch(() => '');
      for (const line of text.split('\n')) {
        if (/^lambda_sink_partition_state\{[^}]*state="FAILED"[^}]*\} 1$/.test(line)) failed++;
      }
    }
    return failed;
  }

  /** Records in the topic not yet committed by the group (the consumer lag). */
  async lag(): Promise<{ lag: number; ends: Map<number, number> }> {
    const ends = await withAdmin(async (admin) => {
      const offsets = await admin.fetchTopicOffsets(this.topic);
      return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
    });
    const committed = await committedOffsets(this.groupId, this.topic);
    let lag = 0;
    // The two reads are not atomic: a commit made between them must not count as negative lag.
    for (const [partition, end] of ends)
      lag += Math.max(0, end - Math.max(0, committed.get(partition) ?? 0));
    return { lag, ends };
  }

  /** Each process's whole output, headed by its pid and when it started (ISO 8601). */
  logs(): string {
    return this.processes
      .map(
        (p) =>
          `===== ordering=${this.ordering} pid ${p.process.child.pid} started ${new Date(p.startedAt).toISOString()}\n${p.process.output()}`,
      )
      .join('\n');
  }

  async stop(): Promise<void> {
    await this.scaleIn();
    const primary = this.primary;
    if (!primary) return;
    primary.expectedExit = true;
    primary.process.child.kill('SIGTERM');
    const code = await primary.process.exited;
    if (code !== 0) this.unexpectedExits.push(`${this.ordering} service SIGTERM exit ${code}`);
  }
}
