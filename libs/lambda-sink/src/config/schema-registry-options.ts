import { parseJaasConfig } from './jaas-config';
import type { SchemaRegistryOptions } from './lambda-sink-options';
import { parseBoolean, parseInteger, parseList } from './property-parsers';

type Values = Record<string, string | undefined>;

// Confluent's serializer defaults (AbstractKafkaSchemaSerDeConfig / SchemaRegistryClientConfig).
const REGISTRY_DEFAULTS = {
  connectTimeoutMs: 60_000,
  readTimeoutMs: 60_000,
  cacheCapacity: 1000,
};

/** `user:password` split at the first colon, as Confluent's providers split it. */
function splitUserInfo(userInfo: string): { username: string; password: string } {
  const at = userInfo.indexOf(':');
  return { username: userInfo.slice(0, at), password: userInfo.slice(at + 1) };
}

/** The user info inside a URL (`https://user:pass@host`), percent-decoded. */
function urlUserInfo(urls: string[]): { username: string; password: string } | undefined {
  for (const text of urls) {
    const url = new URL(text);
    if (url.username !== '') {
      return {
        username: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      };
    }
  }
  return undefined;
}

/**
 * A Schema Registry converter's client settings from `key.converter.*` or `value.converter.*`
 * (`prefix`), after validation passed. Credentials come from the source Confluent's serializers
 * would use: `basic.auth.credentials.source` defaults to URL, so user info set without it is not
 * used there either (startup warns about it).
 */
export function schemaRegistryOptions(values: Values, prefix: string): SchemaRegistryOptions {
  const get = (name: string) => values[prefix + name];
  const int = (name: string, fallback: number) => parseInteger(get(name) ?? '') ?? fallback;
  const bool = (name: string, fallback: boolean) => parseBoolean(get(name) ?? '') ?? fallback;
  const withCredentials = parseList(get('schema.registry.url') ?? '');
  // Credentials never travel in the URLs the client logs or requests.
  const urls = withCredentials.map((text) => {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  });

  let basicAuth: SchemaRegistryOptions['basicAuth'];
  const basicSource = get('basic.auth.credentials.source')?.toUpperCase() ?? 'URL';
  if (get('bearer.auth.credentials.source') === undefined) {
    if (basicSource === 'USER_INFO') {
      const userInfo = get('basic.auth.user.info') ?? get('schema.registry.basic.auth.user.info');
      basicAuth = userInfo === undefined ? undefined : splitUserInfo(userInfo);
    } else if (basicSource === 'URL') {
      basicAuth = urlUserInfo(withCredentials);
    } else {
      const jaasText = get('sasl.jaas.config') ?? values['sasl.jaas.config'];
      const jaas = jaasText === undefined ? undefined : parseJaasConfig(jaasText).options;
      if (jaas?.username !== undefined && jaas.password !== undefined) {
        basicAuth = { username: jaas.username, password: jaas.password };
      }
    }
  }
  const token = get('bearer.auth.token');
  const bearerAuth =
    get('bearer.auth.credentials.source') !== undefined && token !== undefined
      ? {
          token,
          logicalCluster: get('bearer.auth.logical.cluster'),
          identityPoolId: get('bearer.auth.identity.pool.id'),
        }
      : undefined;

  const tls = (name: string) => get(`schema.registry.ssl.${name}`);
  return {
    urls,
    basicAuth,
    bearerAuth,
    tls: {
      truststoreLocation: tls('truststore.location'),
      truststoreCertificates: tls('truststore.certificates'),
      keystoreType: tls('keystore.type')?.toUpperCase() === 'PKCS12' ? 'PKCS12' : 'PEM',
      keystoreLocation: tls('keystore.location'),
      keystorePassword: tls('keystore.password'),
      keyPassword: tls('key.password'),
      keystoreKey: tls('keystore.key'),
      keystoreCertificateChain: tls('keystore.certificate.chain'),
      verifyHostname: tls('endpoint.identification.algorithm') !== '',
    },
    connectTimeoutMs: int('http.connect.timeout.ms', REGISTRY_DEFAULTS.connectTimeoutMs),
    readTimeoutMs: int('http.read.timeout.ms', REGISTRY_DEFAULTS.readTimeoutMs),
    cacheCapacity: int('schemas.cache.config', REGISTRY_DEFAULTS.cacheCapacity),
    enhancedAvroSchemaSupport: bool('enhanced.avro.schema.support', false),
    generateIndexForUnions: bool('generate.index.for.unions', true),
  };
}
