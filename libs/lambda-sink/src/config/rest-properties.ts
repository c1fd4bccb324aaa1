import * as m from './config-messages';
import { AnyValueRule, PropertyRule } from './property-rule';
import { IsBooleanText, IsReadableFile, RequiredTogetherWith } from './property-rules';
import { parseList } from './property-parsers';

type Properties = Record<string, string | undefined>;

/** Kafka's PEM keystore; JKS and PKCS12 need a Java keystore reader this service does not have. */
export const HTTPS_KEYSTORE_TYPES = ['PEM'] as const;

const firstListenerIsHttps = (properties: Properties) =>
  parseList(properties.listeners ?? '')[0]
    ?.toLowerCase()
    .startsWith('https:') ?? false;

/** An https listener cannot start without a key and a certificate; say so before it tries. */
const RequiredForHttpsListener = () =>
  AnyValueRule<Properties>('requiredForHttpsListener', (value, properties) =>
    value === undefined &&
    firstListenerIsHttps(properties) &&
    properties['listeners.https.ssl.keystore.location'] === undefined
      ? m.requiredForHttpsListener('listeners.https.ssl.keystore.location')
      : undefined,
  );

const IsHttpsKeystoreType = () =>
  PropertyRule('isHttpsKeystoreType', (value) =>
    HTTPS_KEYSTORE_TYPES.some((type) => type === value.toUpperCase())
      ? undefined
      : m.httpsKeystoreTypeUnsupported(value),
  );

/**
 * The REST listener's security (SPEC 11): who may change the sink's state, and HTTPS. Property
 * names follow Connect where Connect has one (`listeners.https.ssl.*`); Connect's Basic
 * authentication is a JAAS extension, so its users file is named here directly.
 */
export class RestProperties {
  // Connect's `BasicAuthSecurityRestExtension` users file (`user: password[,role…]`).
  @IsReadableFile()
  'rest.auth.basic.users.file'?: string;

  // A secret: masked like every name that ends in `token`; the usual way in is the
  // LAMBDA_SINK_REST_AUTH_BEARER_TOKEN variable, or the file below.
  @PropertyRule('isNotEmpty', (value) => (value.trim() === '' ? m.mustNotBeEmpty() : undefined))
  'rest.auth.bearer.token'?: string;

  @IsReadableFile()
  'rest.auth.bearer.token.file'?: string;

  // Prometheus usually scrapes without credentials, so /metrics stays open unless asked.
  @IsBooleanText()
  'rest.auth.metrics.required'?: string;

  @IsReadableFile()
  @RequiredForHttpsListener()
  @RequiredTogetherWith('listeners.https.ssl.certificate.location')
  'listeners.https.ssl.key.location'?: string;

  @IsReadableFile()
  @RequiredForHttpsListener()
  @RequiredTogetherWith('listeners.https.ssl.key.location')
  'listeners.https.ssl.certificate.location'?: string;

  @PropertyRule('isNotEmpty', (value) => (value === '' ? m.mustNotBeEmpty() : undefined))
  'listeners.https.ssl.key.password'?: string;

  // Connect's name for a PEM file holding both the private key and the certificate chain.
  @IsReadableFile()
  'listeners.https.ssl.keystore.location'?: string;

  @IsHttpsKeystoreType()
  'listeners.https.ssl.keystore.type'?: string;
}
