import { Allow } from 'class-validator';
import * as m from './config-messages';
import { converterKindOf, usesSchemaRegistry } from './converter-classes';
import { parseJaasConfig } from './jaas-config';
import { AnyValueRule, PropertyRule } from './property-rule';
import {
  IsBooleanText,
  IsHttpUrlList,
  IsIntegerText,
  IsOneOf,
  IsReadableFile,
} from './property-rules';
import { parseBoolean } from './property-parsers';

export const BASIC_AUTH_SOURCES = ['USER_INFO', 'URL', 'SASL_INHERIT'] as const;
export const BEARER_AUTH_SOURCES = ['STATIC_TOKEN'] as const;
const BEARER_AUTH_SOURCES_ELSEWHERE = [
  'OAUTHBEARER',
  'SASL_OAUTHBEARER_INHERIT',
  'CUSTOM',
  'OAUTHBEARER_AZURE_IMDS',
];

/** Confluent's subject name strategies, by the class names a Connect file carries. */
export const SUBJECT_NAME_STRATEGIES = [
  'io.confluent.kafka.serializers.subject.TopicNameStrategy',
  'io.confluent.kafka.serializers.subject.RecordNameStrategy',
  'io.confluent.kafka.serializers.subject.TopicRecordNameStrategy',
];

type Group = SchemaRegistryConverterProperties;

/** Only checked when the converter reads from a registry; otherwise such settings only warn. */
const ForRegistry = (check: (value: string | undefined, group: Group) => string | undefined) =>
  AnyValueRule<Group>('forRegistryConverter', (value, group) =>
    group.readsRegistry ? check(value, group) : undefined,
  );

const RequiredForRegistry = () =>
  ForRegistry((value, group) =>
    value === undefined ? m.requiredForRegistryConverter(group.converterProperty) : undefined,
  );

const source = (group: Group) => group['basic.auth.credentials.source']?.toUpperCase() ?? 'URL';

const IsUserInfo = () =>
  ForRegistry((value, group) => {
    if (value === undefined) {
      return source(group) === 'USER_INFO' && group.userInfo() === undefined
        ? m.requiredForCredentialsSource(
            `${group.prefix}basic.auth.credentials.source`,
            'USER_INFO',
          )
        : undefined;
    }
    return value.includes(':') ? undefined : m.mustBeUserInfo();
  });

const SaslInheritHasCredentials = () =>
  ForRegistry((value, group) => {
    if (value?.toUpperCase() !== 'SASL_INHERIT') return undefined;
    const jaasText = group['sasl.jaas.config'] ?? group.mainJaasConfig;
    let options;
    try {
      options = jaasText === undefined ? undefined : parseJaasConfig(jaasText).options;
    } catch {
      options = undefined;
    }
    return options?.username !== undefined && options.password !== undefined
      ? undefined
      : m.saslInheritNeedsJaas();
  });

const NotWithBearer = () =>
  ForRegistry((value, group) =>
    value !== undefined && group['bearer.auth.credentials.source'] !== undefined
      ? m.basicAndBearerExclusive(`${group.prefix}bearer.auth.credentials.source`)
      : undefined,
  );

const IsBearerSource = () =>
  PropertyRule<Group>('isBearerSource', (value) => {
    const upper = value.toUpperCase();
    if ((BEARER_AUTH_SOURCES as readonly string[]).includes(upper)) return undefined;
    return m.notSupportedInstead(
      BEARER_AUTH_SOURCES_ELSEWHERE.includes(upper) ? upper : 'this source',
      BEARER_AUTH_SOURCES,
      'obtain the token outside the sink and set bearer.auth.token, or use basic auth',
    );
  });

const RequiredForStaticToken = () =>
  ForRegistry((value, group) =>
    value === undefined && group['bearer.auth.credentials.source']?.toUpperCase() === 'STATIC_TOKEN'
      ? m.requiredForCredentialsSource(
          `${group.prefix}bearer.auth.credentials.source`,
          'STATIC_TOKEN',
        )
      : undefined,
  );

const IsStoreType = (supported: readonly string[], instead: string) =>
  PropertyRule<Group>('isStoreType', (value) =>
    supported.includes(value.toUpperCase())
      ? undefined
      : m.notSupportedInstead(`${value.toUpperCase()} stores`, supported, instead),
  );

/** A reading option whose non-default value is not implemented: refused rather than ignored. */
const OnlyDefault = (defaultValue: boolean, instead: string) =>
  PropertyRule<Group>('onlyDefault', (value) =>
    parseBoolean(value) === undefined || parseBoolean(value) === defaultValue
      ? undefined
      : m.converterSettingNotSupported(instead),
  );

const REMOVE_IT = 'remove it (docs/CONFIGURATION.md shows the shape records take)';

/**
 * One converter's Schema Registry settings, as Connect passes them: `key.converter.` or
 * `value.converter.` + the serializer's own name. Names here are without the prefix.
 */
export class SchemaRegistryConverterProperties {
  @RequiredForRegistry()
  @IsHttpUrlList()
  'schema.registry.url'?: string;

  @NotWithBearer()
  @SaslInheritHasCredentials()
  @IsOneOf(BASIC_AUTH_SOURCES)
  'basic.auth.credentials.source'?: string;

  @IsUserInfo()
  'basic.auth.user.info'?: string;

  // The older name Confluent's serializers still read when basic.auth.user.info is unset.
  @ForRegistry((value) =>
    value === undefined || value.includes(':') ? undefined : m.mustBeUserInfo(),
  )
  'schema.registry.basic.auth.user.info'?: string;

  @IsBearerSource()
  'bearer.auth.credentials.source'?: string;

  @RequiredForStaticToken()
  'bearer.auth.token'?: string;

  // SASL_INHERIT's credentials; the consumer's sasl.jaas.config when unset here.
  @Allow()
  'sasl.jaas.config'?: string;

  @Allow()
  'bearer.auth.logical.cluster'?: string;

  @Allow()
  'bearer.auth.identity.pool.id'?: string;

  @IsStoreType(
    ['PEM'],
    'convert the trust store to PEM (keytool -exportcert -rfc) and set its location',
  )
  'schema.registry.ssl.truststore.type'?: string;

  @IsReadableFile()
  'schema.registry.ssl.truststore.location'?: string;

  @Allow()
  'schema.registry.ssl.truststore.certificates'?: string;

  // A PEM trust store has no password; accepted so a copied file still starts.
  @Allow()
  'schema.registry.ssl.truststore.password'?: string;

  @IsStoreType(['PEM', 'PKCS12'], 'convert the key store to PKCS12 (keytool -importkeystore)')
  'schema.registry.ssl.keystore.type'?: string;

  @IsReadableFile()
  'schema.registry.ssl.keystore.location'?: string;

  @Allow()
  'schema.registry.ssl.keystore.password'?: string;

  @Allow()
  'schema.registry.ssl.key.password'?: string;

  @Allow()
  'schema.registry.ssl.keystore.key'?: string;

  @Allow()
  'schema.registry.ssl.keystore.certificate.chain'?: string;

  @PropertyRule('isEndpointIdentification', (value) =>
    value === '' || value.toUpperCase() === 'HTTPS'
      ? undefined
      : m.mustBeOneOf(['https (check the host name, the default)', 'empty (do not)']),
  )
  'schema.registry.ssl.endpoint.identification.algorithm'?: string;

  @IsIntegerText(1)
  'http.connect.timeout.ms'?: string;

  @IsIntegerText(1)
  'http.read.timeout.ms'?: string;

  @IsIntegerText(1)
  'schemas.cache.config'?: string;

  // Subjects matter to serializers only: a sink reads each record's schema by its id.
  @IsOneOf(SUBJECT_NAME_STRATEGIES)
  'key.subject.name.strategy'?: string;

  @IsOneOf(SUBJECT_NAME_STRATEGIES)
  'value.subject.name.strategy'?: string;

  // Serializer-side settings, no effect when reading: accepted so a shared file still starts.
  @IsBooleanText()
  'auto.register.schemas'?: string;

  @IsBooleanText()
  'use.latest.version'?: string;

  @IsBooleanText()
  'latest.compatibility.strict'?: string;

  @IsBooleanText()
  'normalize.schemas'?: string;

  @IsBooleanText()
  'connect.meta.data'?: string;

  @IsBooleanText()
  'enhanced.avro.schema.support'?: string;

  // Only renames Connect schema parameters, which never reach the JSON payload.
  @IsBooleanText()
  'enhanced.protobuf.schema.support'?: string;

  @IsBooleanText()
  'generate.index.for.unions'?: string;

  @OnlyDefault(false, REMOVE_IT)
  'scrub.invalid.names'?: string;

  @OnlyDefault(false, REMOVE_IT)
  'int.for.enums'?: string;

  @OnlyDefault(false, REMOVE_IT)
  'optional.for.nullables'?: string;

  @OnlyDefault(false, REMOVE_IT)
  'wrapper.for.nullables'?: string;

  @OnlyDefault(false, REMOVE_IT)
  'generate.struct.for.nulls'?: string;

  @OnlyDefault(false, 'remove it: records are read without validating them against the schema')
  'json.fail.invalid.schema'?: string;

  /** True when the converter class is one that reads Confluent's wire format. */
  readonly readsRegistry: boolean;
  readonly converterProperty: string;

  constructor(
    /** `key.converter.` or `value.converter.` */
    readonly prefix: string,
    values: Record<string, string | undefined>,
    converterClass: string | undefined,
    /** The consumer's `sasl.jaas.config`, which SASL_INHERIT falls back to. */
    readonly mainJaasConfig?: string,
  ) {
    Object.assign(this, values);
    this.converterProperty = prefix.slice(0, -1);
    this.readsRegistry = usesSchemaRegistry(
      converterClass === undefined ? undefined : converterKindOf(converterClass),
    );
  }

  userInfo(): string | undefined {
    return this['basic.auth.user.info'] ?? this['schema.registry.basic.auth.user.info'];
  }
}
