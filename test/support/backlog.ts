import type { LambdaLocal } from '../../libs/lambda-local/src';
import { createTopic, produce, uniqueName } from './kafka';
import { sinkProperties } from './sink';
import { writePropertiesFile } from './sink-process';

export interface Backlog {
  topic: string;
  /** The function the sink invokes; it answers one "ok" per record after `latencyMs`. */
  functionName: string;
  properties: Record<string, string>;
  /** The properties written to a file, for the real service. */
  configFile: string;
  groupId: string;
}

/**
 * A topic pre-filled with `perPartition` records (`v0`, `v1`, … round-robin) on each partition,
 * a function that takes `latencyMs` per call, and the service configuration that connects them.
 */
export async function prepareBacklog(
  lambda: LambdaLocal,
  options: {
    prefix: string;
    partitions: number;
    perPartition: number;
    latencyMs: number;
    overrides?: Record<string, string>;
  },
): Promise<Backlog> {
  const { partitions, perPartition, latencyMs } = options;
  const topic = await createTopic(uniqueName(options.prefix), partitions);
  const functionName = uniqueName('fn');
  lambda.registerFunction(functionName, async (event: unknown) => {
    await new Promise((r) => setTimeout(r, latencyMs));
    return (event as unknown[]).map(() => 'ok');
  });
  await produce(
    topic,
    Array.from({ length: partitions * perPartition }, (_, i) => ({
      value: `v${i}`,
      partition: i % partitions,
    })),
  );
  const properties = sinkProperties(lambda, {
    topics: topic,
    'aws.lambda.function.name': functionName,
    listeners: 'http://127.0.0.1:0',
    ...options.overrides,
  });
  return {
    topic,
    functionName,
    properties,
    configFile: writePropertiesFile(properties),
    groupId: `connect-${properties.name}`,
  };
}
