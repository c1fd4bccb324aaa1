import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Linux's USER_HZ: /proc reports CPU times in these ticks. */
const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds a process used so far, from /proc (undefined if unreadable). */
export function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** VmRSS and VmHWM (peak RSS) of a process in bytes, from /proc/PID/status. */
export function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return undefined;
  }
}

/**
 * The local broker's JVM (from the pid file scripts/kafka/start.sh writes), to bill its CPU
 * time; undefined when an external broker is used (KAFKA_BOOTSTRAP_SERVERS).
 */
export function localBrokerPid(repoRoot: string): number | undefined {
  if (process.env.KAFKA_BOOTSTRAP_SERVERS) return undefined;
  try {
    const pid = Number(readFileSync(join(repoRoot, '.kafka', 'kafka.pid'), 'utf8').trim());
    return cpuMsOf(pid) === undefined ? undefined : pid;
  } catch {
    return undefined;
  }
}

/** CPU time of this process (the bench, and the in-process sink or bare consumer). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
