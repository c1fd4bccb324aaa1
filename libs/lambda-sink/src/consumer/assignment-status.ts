import { partitionKey, partitionStatusOf, type TaskStatus } from '../operations/status/sink-status';

export interface AssignmentEffects {
  /** A partition that left the assignment: its pending retry timer goes with it. */
  revoked(key: string): void;
  /** Whether the partition is paused waiting out a retry backoff. */
  retrying(key: string): boolean;
  pause(topic: string, partition: number): void;
}

/**
 * A new assignment in the task's status: partitions added, revoked ones dropped, and those that
 * stay FAILED or waiting out a retry paused again (a rejoin resumes every partition in kafkajs).
 * Returns the assigned partitions' keys (`topic-partition`).
 */
export function applyAssignment(
  status: TaskStatus,
  assignment: Record<string, number[]>,
  effects: AssignmentEffects,
): string[] {
  const assigned = new Set<string>();
  for (const [topic, partitions] of Object.entries(assignment)) {
    for (const partition of partitions) {
      assigned.add(partitionKey(topic, partition));
      partitionStatusOf(status, topic, partition);
    }
  }
  for (const [key, p] of status.partitions) {
    if (!assigned.has(key)) {
      status.partitions.delete(key);
      effects.revoked(key);
    } else if (p.state === 'FAILED' || effects.retrying(key)) effects.pause(p.topic, p.partition);
  }
  return [...assigned];
}
