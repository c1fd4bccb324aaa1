import { Allow } from 'class-validator';
import * as m from './config-messages';
import {
  isAwsIamMechanism,
  JaasParseError,
  loginModuleMatches,
  parseJaasConfig,
  SUPPORTED_LOGIN_MODULES,
} from './jaas-config';
import type { SaslMechanism, SecurityProtocol } from './lambda-sink-options';
import { AnyValueRule, PropertyRule } from './property-rule';
import { IsOneOf, IsReadableFile } from './property-rules';
import { IsReadableKeystore, IsReadableTruststore, STORE_TYPES } from './java-keystore-rules';

/** `https` (the Java default) checks the broker's host name against its certificate; empty does not. */
export const ENDPOINT_IDENTIFICATION_ALGORITHMS = ['https', ''];

export const SECURITY_PROTOCOLS: readonly SecurityProtocol[] = [
  'PLAINTEXT',
  'SSL',
  'SASL_PLAINTEXT',
  'SASL_SSL',
];
export const SASL_MECHANISMS: readonly SaslMechanism[] = [
  'PLAIN',
  'SCRAM-SHA-256',
  'SCRAM-SHA-512',
  'AWS_MSK_IAM',
  'OAUTHBEARER',
];

/** The only OAUTHBEARER token source the sink has: AWS's MSK IAM signer. */
export const MSK_OAUTH_CALLBACK_HANDLER =
  'software.amazon.msk.auth.iam.IAMOAuthBearerLoginCallbackHandler';

type SecurityName =
  | 'security.protocol'
  | 'sasl.mechanism'
  | 'ssl.ca.location'
  | 'ssl.certificate.location'
  | 'ssl.key.location'
  | 'ssl.truststore.type'
  | 'ssl.keystore.type';

/** The value in force for a setting, and which property it came from. */
interface Resolved {
  property: string;
  value?: string;
  /** Set in this group itself, not inherited from the main settings. */
  own: boolean;
}

const isSasl = (protocol: string | undefined) =>
  protocol?.toUpperCase().startsWith('SASL_') ?? false;

/**
 * Needed when the protocol is SASL_*. A group that inherits its protocol from the main settings
 * stays quiet: the main group reports the same gap once, under the name the user must fix.
 */
const RequiredForSasl = () =>
  AnyValueRule<KafkaSecurityProperties>('requiredForSasl', (value, group) => {
    const protocol = group.resolve('security.protocol');
    if (value !== undefined || !protocol.own || !isSasl(protocol.value)) return undefined;
    return m.requiredForSasl(protocol.property, String(protocol.value));
  });

const IsJaasConfig = () =>
  PropertyRule<KafkaSecurityProperties>('isJaasConfig', (value, group) => {
    let jaas;
    try {
      jaas = parseJaasConfig(value);
    } catch (error) {
      if (error instanceof JaasParseError) return m.jaasUnparseable(error.message);
      throw error;
    }
    if (!(SUPPORTED_LOGIN_MODULES as readonly string[]).includes(jaas.loginModule)) {
      // Named only when it reads as a qualified class: a mangled string may put a password first.
      const named = /^[a-z]\w*(\.[a-z]\w*)+\.[A-Z]\w*$/.test(jaas.loginModule);
      return m.jaasUnsupportedModule(named ? jaas.loginModule : undefined, SUPPORTED_LOGIN_MODULES);
    }
    const mechanism = group.resolve('sasl.mechanism');
    const iam = isAwsIamMechanism(mechanism.value);
    if (!iam && (jaas.options.username === undefined || jaas.options.password === undefined)) {
      return m.jaasMissingCredentials();
    }
    const known = SASL_MECHANISMS.some((name) => name === mechanism.value?.toUpperCase());
    return mechanism.value && known && !loginModuleMatches(jaas.loginModule, mechanism.value)
      ? m.jaasModuleMismatch(jaas.loginModule, mechanism.property, mechanism.value.toUpperCase())
      : undefined;
  });

/** OAUTHBEARER needs a token source: AWS's MSK IAM handler, the only one the sink has. */
const RequiredForOauthBearer = () =>
  AnyValueRule<KafkaSecurityProperties>('requiredForOauthBearer', (value, group) => {
    const mechanism = group.resolve('sasl.mechanism');
    return value === undefined && mechanism.own && mechanism.value?.toUpperCase() === 'OAUTHBEARER'
      ? m.requiredForOauthBearer(MSK_OAUTH_CALLBACK_HANDLER)
      : undefined;
  });

/** A client certificate needs its key and the key its certificate (possibly inherited). */
const PairedWith = (other: 'ssl.certificate.location' | 'ssl.key.location') =>
  AnyValueRule<KafkaSecurityProperties>('pairedWith', (value, group) => {
    const partner = group.resolve(other);
    return value === undefined && partner.own && partner.value !== undefined
      ? m.sslKeyNeedsCertificate(partner.property)
      : undefined;
  });

/**
 * How a Kafka client authenticates: once for the consumer (`security.protocol`, …) and once for
 * the reporter's producer (`reporter.security.protocol`, …), whose unset settings fall back one by
 * one to the consumer's, as the Confluent reporter does.
 */
export class KafkaSecurityProperties {
  @IsOneOf(SECURITY_PROTOCOLS)
  'security.protocol'?: string;

  @RequiredForSasl()
  @IsOneOf(SASL_MECHANISMS)
  'sasl.mechanism'?: string;

  @RequiredForSasl()
  @IsJaasConfig()
  'sasl.jaas.config'?: string;

  // MSK IAM's Java callback handlers: accepted; only AWS's OAUTHBEARER handler is a token source.
  @PropertyRule<KafkaSecurityProperties>('isMskCallbackHandler', (value) =>
    value === MSK_OAUTH_CALLBACK_HANDLER
      ? undefined
      : m.notSupportedInstead('this token source', [MSK_OAUTH_CALLBACK_HANDLER], 'use MSK IAM'),
  )
  @RequiredForOauthBearer()
  'sasl.login.callback.handler.class'?: string;

  @Allow()
  'sasl.client.callback.handler.class'?: string;

  @IsReadableFile()
  'ssl.ca.location'?: string;

  @IsReadableFile()
  @PairedWith('ssl.key.location')
  'ssl.certificate.location'?: string;

  @IsReadableFile()
  @PairedWith('ssl.certificate.location')
  'ssl.key.location'?: string;

  @Allow()
  'ssl.key.password'?: string;

  @IsReadableFile()
  @IsReadableTruststore()
  'ssl.truststore.location'?: string;

  @IsOneOf(STORE_TYPES)
  'ssl.truststore.type'?: string;

  // Accepted so a Java file carries over; a PEM truststore has no password.
  @Allow()
  'ssl.truststore.password'?: string;

  @IsReadableFile()
  @IsReadableKeystore()
  'ssl.keystore.location'?: string;

  @IsOneOf(STORE_TYPES)
  'ssl.keystore.type'?: string;

  @Allow()
  'ssl.keystore.password'?: string;

  @IsOneOf(ENDPOINT_IDENTIFICATION_ALGORITHMS)
  'ssl.endpoint.identification.algorithm'?: string;

  constructor(
    /** `''` for the consumer's settings, `'reporter.'` for the reporter's. */
    readonly prefix: string,
    values: Record<string, string | undefined>,
    /** Where unset settings come from; undefined for the main group. */
    readonly fallback?: KafkaSecurityProperties,
  ) {
    Object.assign(this, values);
  }

  resolve(name: SecurityName): Resolved {
    const value = this[name];
    if (value !== undefined || !this.fallback)
      return { property: this.prefix + name, value, own: true };
    return { ...this.fallback.resolve(name), own: false };
  }
}
