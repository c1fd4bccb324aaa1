import { join } from 'node:path';
import { fillTopic, TopicRegistry } from './backlog';
import type { BenchSizes } from './bench-options';
import type { BenchEndpoint } from './endpoint/endpoint-client';
import { cpuMsOf, localBrokerPid, ownCpuMs } from './process-stats';
import type { CpuSnapshot } from './run-measure';

/** The repository root, from dist/bench/perf. */
export const repoRoot = join(__dirname, '..', '..', '..');

/** What every benchmark shares in one run: the endpoint, the topics, the sizes. */
export class BenchContext {
  readonly topics = new TopicRegistry();
  private readonly brokerPid = localBrokerPid(repoRoot);
  private readonly backlogs = new Map<string, Promise<string>>();

  constructor(
    readonly endpoint: BenchEndpoint,
    readonly sizes: BenchSizes,
  ) {}

  /** CPU milliseconds used so far by this process, the endpoint child and the local broker. */
  cpu(): CpuSnapshot {
    return {
      consumer: ownCpuMs(),
      endpoint: cpuMsOf(this.endpoint.pid),
      broker: cpuMsOf(this.brokerPid),
    };
  }

  /**
   * A topic pre-filled with `records` ~1 KB records over `partitions`; made once per run and
   * shared by the benchmarks that ask for the same shape (each reads it under its own group).
   */
  backlog(partitions: number, records: number): Promise<string> {
    const key = `${partitions}x${records}`;
    let topic = this.backlogs.get(key);
    if (!topic) {
      topic = (async () => {
        const name = await this.topics.create(`bench-backlog-${partitions}p`, partitions);
        this.log(`filling ${name} with ${records.toLocaleString('en')} records…`);
        const rate = await fillTopic(name, partitions, records);
        this.log(`filled at ${Math.round(rate).toLocaleString('en')} records/s`);
        return name;
      })();
      this.backlogs.set(key, topic);
    }
    return topic;
  }

  log(message: string): void {
    process.stderr.write(`[bench] ${message}\n`);
  }
}
