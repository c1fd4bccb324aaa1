import * as m from './config-messages';
import { KNOWN_PROPERTY_NAMES, REPORTER_PREFIX } from './lambda-sink-properties';
import { isIgnoredProperty, PROPERTY_ALIASES } from './property-aliases';
import { isTransformProperty } from './transforms-properties';
import { isConfigProviderProperty } from './config-providers';
import { isUnsupportedProperty } from './unsupported-properties';
import { regionOfFunctionArn } from './property-parsers';
import type { MappedOptions } from './to-lambda-sink-options';
import { CONVERTER_CLASSES, usesSchemaRegistry } from './converter-classes';

type Values = Record<string, string | undefined>;

const known = new Set([...KNOWN_PROPERTY_NAMES, ...Object.values(PROPERTY_ALIASES).flat()]);
const SASL_NAMES = ['sasl.mechanism', 'sasl.jaas.config'];
const SSL_NAMES = [
  'ssl.ca.location',
  'ssl.certificate.location',
  'ssl.key.location',
  'ssl.key.password',
  'ssl.truststore.location',
  'ssl.truststore.type',
  'ssl.truststore.password',
  'ssl.keystore.location',
  'ssl.keystore.type',
  'ssl.keystore.password',
  'ssl.endpoint.identification.algorithm',
];

/**
 * What is worth telling the user at startup without stopping: settings that have no effect
 * as configured. Only property names and non-secret settings appear here.
 */
export function startupWarnings(
  values: Values,
  options: MappedOptions,
  writtenAs: Record<string, string> = {},
): string[] {
  const set = (name: string) => values[name] !== undefined;
  const warnings: string[] = [];

  for (const name of Object.keys(values)) {
    const handled =
      isTransformProperty(name) || isConfigProviderProperty(name) || isUnsupportedProperty(name);
    if (set(name) && !known.has(name) && !isIgnoredProperty(name) && !handled) {
      warnings.push(m.unknownProperty(writtenAs[name] ?? name));
    }
  }

  const resultTopic = values['reporter.result.topic.name'];
  if (options.lambda.invocationType === 'async' && resultTopic) {
    warnings.push(m.resultTopicIgnoredInAsync(resultTopic));
  }

  const reporterProtocol = options.reporter.connection.securityProtocol;
  const groups = [
    // The main settings are also the reporter's wherever it sets none of its own.
    { prefix: '', protocol: options.kafka.securityProtocol, inheritedBy: reporterProtocol },
    { prefix: REPORTER_PREFIX, protocol: reporterProtocol, inheritedBy: undefined },
  ];
  for (const { prefix, protocol, inheritedBy } of groups) {
    const unused = (names: string[], uses: (protocol: string) => boolean) =>
      uses(protocol)
        ? []
        : names
            .filter((name) => set(prefix + name))
            .filter((name) => !inheritedBy || !uses(inheritedBy) || set(REPORTER_PREFIX + name))
            .map((name) => prefix + name);
    const reason = `${prefix}security.protocol is ${protocol}`;
    const sasl = unused(SASL_NAMES, (p) => p.startsWith('SASL_'));
    if (sasl.length) warnings.push(m.settingIgnored(sasl, reason));
    const ssl = unused(SSL_NAMES, (p) => p.endsWith('SSL'));
    if (ssl.length) warnings.push(m.settingIgnored(ssl, reason));
  }

  for (const which of ['key', 'value'] as const)
    warnings.push(...converterWarnings(values, options, which));

  // The ESM event carries the bytes as consumed, as AWS's trigger does: what converters and
  // transforms make of a record is not in it, which a user moving from `connect` must know.
  const reshaping = ['key.converter', 'value.converter', 'transforms'].filter(set);
  if (options.lambda.payloadFormat === 'esm' && reshaping.length)
    warnings.push(m.esmSendsRawBytes(reshaping.map((name) => writtenAs[name] ?? name)));

  // The Confluent connector's documented rule: static keys win over any provider.
  if (set('aws.access.key.id') && set('aws.credentials.provider.class')) {
    warnings.push(m.settingIgnored(['aws.credentials.provider.class'], 'aws.access.key.id is set'));
  }

  const region = options.lambda.region;
  const functions: Array<[string, string | undefined]> = [
    ['aws.lambda.function.name', options.lambda.functionName],
    ...Object.entries(options.lambda.topicFunctions ?? {}).map(([topic, fn]): [string, string] => [
      `aws.lambda.topic2function.map (topic ${topic})`,
      fn,
    ]),
  ];
  for (const [where, fn] of functions) {
    const arnRegion = fn === undefined ? undefined : regionOfFunctionArn(fn);
    if (arnRegion && region && arnRegion !== region)
      warnings.push(m.regionMismatch(arnRegion, region, where));
  }

  // Connect only routes records to the dead letter queue when errors are tolerated.
  if (options.errors.errorsTolerance === 'none') {
    const dlq = [
      'errors.deadletterqueue.topic.name',
      'errors.deadletterqueue.context.headers.enable',
    ];
    const unusedDlq = dlq.filter(set);
    if (unusedDlq.length) warnings.push(m.settingIgnored(unusedDlq, 'errors.tolerance is none'));
  }
  return warnings;
}

const REGISTRY_SETTING = /^(key|value)\.converter\.(?!schemas\.enable$)/;

/**
 * Schema Registry settings under a converter that does not read from one, and user info that
 * Confluent's serializers would not use either (`basic.auth.credentials.source` defaults to URL).
 */
function converterWarnings(
  values: Values,
  options: MappedOptions,
  which: 'key' | 'value',
): string[] {
  const prefix = `${which}.converter.`;
  const converter = options[which === 'key' ? 'keyConverter' : 'valueConverter'];
  const names = Object.keys(values).filter(
    (name) => values[name] !== undefined && name.startsWith(prefix) && known.has(name),
  );
  if (!usesSchemaRegistry(converter.kind)) {
    const unused = names.filter((name) => REGISTRY_SETTING.test(name));
    const reason = `${which}.converter is ${CONVERTER_CLASSES[converter.kind]}`;
    return unused.length ? [m.settingIgnored(unused, reason)] : [];
  }
  const source = values[`${prefix}basic.auth.credentials.source`]?.toUpperCase() ?? 'URL';
  const userInfo = [
    `${prefix}basic.auth.user.info`,
    `${prefix}schema.registry.basic.auth.user.info`,
  ];
  const unusedInfo =
    source === 'USER_INFO' ? [] : userInfo.filter((name) => values[name] !== undefined);
  return unusedInfo.length
    ? [m.settingIgnored(unusedInfo, `${prefix}basic.auth.credentials.source is ${source}`)]
    : [];
}
