/**
 * Which properties are secrets. Validation problems and `maskedProperties` (what the config and
 * connector endpoints show) decide by this one rule, so a secret cannot leak by a list being
 * incomplete in one spot.
 */
export const HIDDEN = '[hidden]';

/**
 * The properties Kafka clients, Connect, Schema Registry and Confluent define as PASSWORD type,
 * plus this sink's own AWS credentials. A Connect file sets them under any prefix (`consumer.`,
 * `producer.override.`, `reporter.admin.`, `value.converter.schema.registry.`,
 * `listeners.https.` …), so they match as the last segments of a name, never as its start only.
 */
const PASSWORD_TYPES = [
  'ssl.key.password',
  'ssl.keystore.password',
  'ssl.truststore.password',
  // PEM material set inline: the private key, and (PASSWORD type in Kafka too) its chain.
  'ssl.keystore.key',
  'ssl.keystore.certificate.chain',
  'ssl.truststore.certificates',
  // Hidden whole, not just its password: the string may carry other credentials (OAuth client
  // secrets, tokens) under option names we cannot predict.
  'sasl.jaas.config',
  'basic.auth.user.info',
  'bearer.auth.token',
  'confluent.license',
  'aws.secret.access.key',
  'aws.session.token',
];

// Names nobody defined for us yet but that read as a credential: anything with a password,
// passphrase or secret in it, and names that end in a token, a key that is a credential (not
// `key.converter`, not `ssl.key.location`), user info, a JAAS config, a license or credentials.
const SECRET_WORD = /passw(or)?d|passphrase|secret/i;
const SECRET_ENDING =
  /(^|[._])(token|(api|access|private|secret)[._]key|user[._]info|jaas[._]config|license|credentials)$/i;

/** True for every PASSWORD-type property under any prefix, and any secret-looking name. */
export function isSecretProperty(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    PASSWORD_TYPES.some((secret) => lower === secret || lower.endsWith(`.${secret}`)) ||
    SECRET_WORD.test(name) ||
    SECRET_ENDING.test(name)
  );
}

// Schema Registry URLs may carry `user:password@` (basic.auth.credentials.source=URL).
const URL_LIST_WITH_CREDENTIALS = /(^|\.)schema\.registry\.url$/i;

/**
 * A value as it may be shown: `[hidden]` for a secret property, and a Schema Registry URL list
 * with the user info of every URL replaced by `[hidden]`.
 */
export function maskValue(name: string, value: string): string {
  if (isSecretProperty(name)) return HIDDEN;
  if (URL_LIST_WITH_CREDENTIALS.test(name)) {
    return value.replace(/(\/\/)[^/@,\s]*@/g, `$1${HIDDEN}@`);
  }
  return value;
}

/** A copy of the properties with every secret value replaced by `[hidden]`. */
export function maskProperties(properties: Record<string, string>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    masked[name] = maskValue(name, value);
  }
  return masked;
}
