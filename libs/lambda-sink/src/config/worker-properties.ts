import * as m from './config-messages';
import { CONFIG_DEFAULTS as D } from './config-defaults';
import { CONVERTER_CLASSES } from './converter-classes';
import { configProblem, ConfigValidationError } from './config-validation-error';
import { SECURITY_PROPERTY_NAMES } from './lambda-sink-properties';

type Properties = Record<string, string>;

/** Where a converter setting came from, for the startup line. */
export type SettingOrigin = 'connector' | 'worker' | 'environment' | 'default';

export interface WorkerMerge {
  /** The connector's properties with the worker's applied where Connect applies them. */
  properties: Properties;
  /** Property → what the user wrote, for problems about a value taken from the worker file. */
  writtenAs: Record<string, string>;
  converters: { key: SettingOrigin; value: SettingOrigin };
  warnings: string[];
}

const CONSUMER_TUNING = [
  'auto.offset.reset',
  'session.timeout.ms',
  'heartbeat.interval.ms',
  'max.poll.interval.ms',
  'max.partition.fetch.bytes',
  'fetch.max.bytes',
  'metadata.max.age.ms',
];

/**
 * Worker settings that only run a Connect cluster (its internal topics, REST API, plugins,
 * metrics). Accepted so a worker file copied as it is starts; listed once at startup.
 */
const CLUSTER_INTERNALS = [
  // The worker's own clients' security; a sink task's consumer takes `consumer.*` (above).
  /^(security\.protocol|sasl\.|ssl\.)/,
  /^group\.id$/,
  /^(config|offset|status)\.storage\./,
  /^offset\.flush\./,
  /^plugin\.(path|discovery)$/,
  /^rest\./,
  /^listeners\.https\./,
  /^admin\.listeners$/,
  /^internal\./,
  /^(key|value)\.converter\.schemas\.enable$/,
  /^header\.converter(\.|$)/,
  /^scheduled\.rebalance\./,
  /^connect\.protocol$/,
  /^worker\./,
  /^metric\.reporters$/,
  /^metrics\./,
  /^task\.shutdown\.graceful\.timeout\.ms$/,
  /^access\.control\./,
  /^response\.http\.headers\.config$/,
  /^topic\.creation\.enable$/,
  /^exactly\.once\.source\.support$/,
  /^(producer|admin)\./,
  /^client\.id$/,
  /^connections\.max\.idle\.ms$/,
  /^receive\.buffer\.bytes$/,
  /^send\.buffer\.bytes$/,
  /^request\.timeout\.ms$/,
  /^(reconnect|retry)\.backoff(\.max)?\.ms$/,
];

/**
 * Applies a Connect worker file to a connector file as Connect standalone does:
 * - `bootstrap.servers` and the worker's `consumer.*` settings (security, tuning) are the sink
 *   consumer's; the connector's own settings and `consumer.override.*` win. The worker's
 *   top-level security settings are its own clients', as in Connect: a sink's consumer takes
 *   `consumer.security.protocol`, not `security.protocol`.
 * - `key.converter` / `value.converter` with their `*.converter.*` settings apply when the
 *   connector sets no converter class of its own; a connector's converter settings without the
 *   class are then ignored, as Connect ignores them.
 * - `listeners` (or `rest.port`) is where the HTTP surface listens, unless the connector says.
 * - With `connector.client.config.override.policy=None`, `consumer.override.*` stops startup.
 */
export function applyWorkerProperties(worker: Properties, connector: Properties): WorkerMerge {
  const properties: Properties = { ...connector };
  const writtenAs: Record<string, string> = {};
  const warnings: string[] = [];
  const used = new Set<string>();
  const take = (workerName: string, sinkName: string) => {
    used.add(workerName);
    if (properties[sinkName] !== undefined || worker[workerName] === undefined) return;
    properties[sinkName] = worker[workerName];
    writtenAs[sinkName] = `${workerName} (worker file)`;
  };

  const policy = worker['connector.client.config.override.policy'];
  used.add('connector.client.config.override.policy');
  if (policy !== undefined && policy.toLowerCase() === 'none') {
    const overrides = Object.keys(connector).filter((name) =>
      name.startsWith('consumer.override.'),
    );
    if (overrides.length) {
      throw new ConfigValidationError(
        overrides.map((name) =>
          configProblem(name, connector[name], m.overridePolicyForbids(policy)),
        ),
      );
    }
  }

  // The consumer: the connector's own setting or its `consumer.override.*` (an alias, see
  // property-aliases), else the worker's `consumer.*`, else the worker's top level (servers only).
  const overridden = (name: string) => connector[`consumer.override.${name}`] !== undefined;
  const takeUnlessOverridden = (workerName: string, sinkName: string) => {
    if (overridden(sinkName)) used.add(workerName);
    else take(workerName, sinkName);
  };
  takeUnlessOverridden('consumer.bootstrap.servers', 'bootstrap.servers');
  takeUnlessOverridden('bootstrap.servers', 'bootstrap.servers');
  for (const name of SECURITY_PROPERTY_NAMES) takeUnlessOverridden(`consumer.${name}`, name);
  for (const name of CONSUMER_TUNING) take(`consumer.${name}`, `consumer.override.${name}`);

  const converters = {
    key: converterFrom('key', worker, connector, properties, writtenAs, warnings, used),
    value: converterFrom('value', worker, connector, properties, writtenAs, warnings, used),
  };

  // Connect resolves connector settings with the worker's config providers.
  for (const name of Object.keys(worker)) {
    if (name === 'config.providers' || name.startsWith('config.providers.')) take(name, name);
  }

  take('listeners', 'listeners');
  if (worker['rest.port'] !== undefined && properties.listeners === undefined) {
    properties.listeners = `http://${worker['rest.host.name'] || '0.0.0.0'}:${worker['rest.port']}`;
    writtenAs.listeners = 'rest.port (worker file)';
  }

  const unused = Object.keys(worker).filter(
    (name) => !used.has(name) && !CLUSTER_INTERNALS.some((pattern) => pattern.test(name)),
  );
  const internals = Object.keys(worker).filter((name) => !used.has(name) && !unused.includes(name));
  if (internals.length) warnings.push(m.workerSettingUnused(internals));
  for (const name of unused) warnings.push(m.unknownProperty(`${name} (worker file)`));
  return { properties, writtenAs, converters, warnings };
}

function converterFrom(
  which: 'key' | 'value',
  worker: Properties,
  connector: Properties,
  properties: Properties,
  writtenAs: Record<string, string>,
  warnings: string[],
  used: Set<string>,
): SettingOrigin {
  const classProperty = `${which}.converter`;
  const prefix = `${classProperty}.`;
  for (const name of Object.keys(worker)) {
    if (name === classProperty || name.startsWith(prefix)) used.add(name);
  }
  if (connector[classProperty] !== undefined) return 'connector';
  if (worker[classProperty] === undefined) return 'default';
  const shadowed = Object.keys(connector).filter((name) => name.startsWith(prefix));
  if (shadowed.length) warnings.push(m.converterSettingsShadowed(shadowed, classProperty));
  for (const name of shadowed) delete properties[name];
  for (const [name, value] of Object.entries(worker)) {
    if (name !== classProperty && !name.startsWith(prefix)) continue;
    properties[name] = value;
    writtenAs[name] = `${name} (worker file)`;
  }
  return 'worker';
}

/** The line startup prints: the converters in force and where each came from. */
export function describeConverters(
  properties: Properties,
  origins: { key: SettingOrigin; value: SettingOrigin },
): string {
  const className = (which: 'key' | 'value') =>
    properties[`${which}.converter`] ?? CONVERTER_CLASSES[D.converter];
  const from = (origin: SettingOrigin) =>
    origin === 'default'
      ? "Connect's default"
      : origin === 'environment'
        ? 'from the environment'
        : `from the ${origin} file`;
  return m.convertersInForce(
    className('key'),
    from(origins.key),
    className('value'),
    from(origins.value),
  );
}
