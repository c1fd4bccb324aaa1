import { getMetadataStorage, ValidateNested } from 'class-validator';
import { ConnectorProperties } from './connector-properties';
import { KafkaProperties } from './kafka-properties';
import { KafkaSecurityProperties } from './kafka-security-properties';
import { LambdaProperties } from './lambda-properties';
import { ReporterProperties } from './reporter-properties';
import { SchemaRegistryConverterProperties } from './schema-registry-properties';
import { RestProperties } from './rest-properties';

export const REPORTER_PREFIX = 'reporter.';

type Values = Record<string, string | undefined>;

/** The Connect property names a class declares, read from its decorators (the one list of them). */
function declaredNames(type: new (...args: never[]) => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))];
}

export const SECURITY_PROPERTY_NAMES = declaredNames(KafkaSecurityProperties);
const REGISTRY_PROPERTY_NAMES = declaredNames(SchemaRegistryConverterProperties);
const CONVERTER_PREFIXES = { key: 'key.converter.', value: 'value.converter.' } as const;

const GROUP_NAMES = {
  connector: declaredNames(ConnectorProperties),
  lambda: declaredNames(LambdaProperties),
  kafka: declaredNames(KafkaProperties),
  security: SECURITY_PROPERTY_NAMES,
  reporter: declaredNames(ReporterProperties),
  reporterSecurity: SECURITY_PROPERTY_NAMES.map((name) => REPORTER_PREFIX + name),
  keyRegistry: REGISTRY_PROPERTY_NAMES.map((name) => CONVERTER_PREFIXES.key + name),
  valueRegistry: REGISTRY_PROPERTY_NAMES.map((name) => CONVERTER_PREFIXES.value + name),
  rest: declaredNames(RestProperties),
};

/** Every property the sink reads (aliases and accepted-but-ignored ones are in `property-aliases`). */
export const KNOWN_PROPERTY_NAMES: readonly string[] = Object.values(GROUP_NAMES).flat();

function pick(values: Values, names: readonly string[], prefix = ''): Values {
  return Object.fromEntries(names.map((name) => [name.slice(prefix.length), values[name]]));
}

/**
 * The whole configuration as one object for one class-validator run. It is split into groups
 * only to keep each class small; every group's properties carry their Connect names, so a
 * validation error already names the property as the user wrote it.
 */
export class LambdaSinkProperties {
  @ValidateNested()
  readonly connector: ConnectorProperties;

  @ValidateNested()
  readonly lambda: LambdaProperties;

  @ValidateNested()
  readonly kafka: KafkaProperties;

  @ValidateNested()
  readonly security: KafkaSecurityProperties;

  @ValidateNested()
  readonly reporter: ReporterProperties;

  @ValidateNested()
  readonly reporterSecurity: KafkaSecurityProperties;

  @ValidateNested()
  readonly keyRegistry: SchemaRegistryConverterProperties;

  @ValidateNested()
  readonly valueRegistry: SchemaRegistryConverterProperties;

  @ValidateNested()
  readonly rest: RestProperties;

  constructor(values: Values) {
    this.connector = Object.assign(new ConnectorProperties(), pick(values, GROUP_NAMES.connector));
    this.lambda = Object.assign(new LambdaProperties(), pick(values, GROUP_NAMES.lambda));
    this.kafka = Object.assign(new KafkaProperties(), pick(values, GROUP_NAMES.kafka));
    this.security = new KafkaSecurityProperties('', pick(values, GROUP_NAMES.security));
    this.reporter = new ReporterProperties(pick(values, GROUP_NAMES.reporter), values.name);
    this.reporterSecurity = new KafkaSecurityProperties(
      REPORTER_PREFIX,
      pick(values, GROUP_NAMES.reporterSecurity, REPORTER_PREFIX),
      this.security,
    );
    this.keyRegistry = new SchemaRegistryConverterProperties(
      CONVERTER_PREFIXES.key,
      pick(values, GROUP_NAMES.keyRegistry, CONVERTER_PREFIXES.key),
      values['key.converter'],
      values['sasl.jaas.config'],
    );
    this.valueRegistry = new SchemaRegistryConverterProperties(
      CONVERTER_PREFIXES.value,
      pick(values, GROUP_NAMES.valueRegistry, CONVERTER_PREFIXES.value),
      values['value.converter'],
      values['sasl.jaas.config'],
    );
    // `listeners` is read too: whether it is https decides what the HTTPS properties must hold.
    this.rest = Object.assign(new RestProperties(), {
      ...pick(values, GROUP_NAMES.rest),
      listeners: values.listeners,
    });
  }
}
