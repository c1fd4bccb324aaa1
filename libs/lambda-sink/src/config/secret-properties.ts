/**
 * Which properties are secrets. Validation problems and `maskedProperties` (what status output
 * shows) decide by this one rule, so a secret cannot leak by a list being incomplete in one spot.
 */
export const HIDDEN = '[hidden]';

// `sasl.jaas.config` is hidden whole, not just its password: the string may carry other
// credentials (OAuth client secrets, tokens) under option names we cannot predict.
const SECRET_NAME = /password|secret|token|jaas\.config/i;

/** True for `aws.secret.access.key`, `sasl.jaas.config`, `ssl.key.password`, any `*password*`/`*secret*`. */
export function isSecretProperty(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A copy of the properties with every secret value replaced by `[hidden]`. */
export function maskProperties(properties: Record<string, string>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(properties)) {
    masked[name] = isSecretProperty(name) ? HIDDEN : value;
  }
  return masked;
}
