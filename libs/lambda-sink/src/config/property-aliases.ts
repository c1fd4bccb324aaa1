import { REPORTER_PREFIX, SECURITY_PROPERTY_NAMES } from './lambda-sink-properties';

/**
 * Names a migrating user may have in their Connect file for settings the sink reads under
 * another name, in order of preference. A connector's `consumer.override.security.protocol`
 * (and the other consumer security settings) is the consumer's `security.protocol` here. The Confluent reporter takes its producer's security as
 * `reporter.producer.*` / `reporter.admin.*`, and the license topic settings
 * (`confluent.topic.*`) usually point at the same cluster the reporter should use.
 */
export const PROPERTY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // Connect's per-connector consumer settings (allowed by the default override policy, All).
  ...Object.fromEntries(
    ['bootstrap.servers', ...SECURITY_PROPERTY_NAMES].map((name) => [
      name,
      [`consumer.override.${name}`],
    ]),
  ),
  'reporter.bootstrap.servers': ['confluent.topic.bootstrap.servers'],
  'reporter.result.topic.replication.factor': ['confluent.topic.replication.factor'],
  'reporter.error.topic.replication.factor': ['confluent.topic.replication.factor'],
  ...Object.fromEntries(
    SECURITY_PROPERTY_NAMES.map((name) => [
      REPORTER_PREFIX + name,
      [`${REPORTER_PREFIX}producer.${name}`, `${REPORTER_PREFIX}admin.${name}`],
    ]),
  ),
};

/**
 * Connect-standard properties that have no effect here but are accepted silently, so a file
 * copied from a Connect worker does not drown its startup in warnings.
 */
const IGNORED = [
  /^confluent\.topic(\.|$)/,
  /^confluent\.license$/,
  /^header\.converter(\.|$)/,
  /^reporter\.(admin|producer)\./,
  /^config\.action\.reload$/,
];

export function isIgnoredProperty(name: string): boolean {
  return IGNORED.some((pattern) => pattern.test(name));
}

export interface ResolvedAliases {
  /** The properties with aliased values copied under the names the sink reads. */
  properties: Record<string, string | undefined>;
  /** For each such copy, the name the user actually wrote. */
  writtenAs: Record<string, string>;
}

/** A property the user set under its own name always wins over an alias. */
export function resolveAliases(properties: Record<string, string | undefined>): ResolvedAliases {
  const resolved = { ...properties };
  const writtenAs: Record<string, string> = {};
  for (const [name, aliases] of Object.entries(PROPERTY_ALIASES)) {
    if (resolved[name] !== undefined) continue;
    const alias = aliases.find((candidate) => properties[candidate] !== undefined);
    if (alias === undefined) continue;
    resolved[name] = properties[alias];
    writtenAs[name] = alias;
  }
  return { properties: resolved, writtenAs };
}
