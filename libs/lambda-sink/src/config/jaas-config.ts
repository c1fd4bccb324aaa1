import type { SaslMechanism } from './lambda-sink-options';

/**
 * `sasl.jaas.config` as the Java client takes it:
 * `<LoginModule> <flag> key="value" key='value' key=word;`. Only the username and password
 * matter to kafkajs, but the whole grammar is parsed so a malformed string is rejected here
 * instead of surfacing later as a confusing authentication failure.
 */
export const PLAIN_LOGIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';
export const SCRAM_LOGIN_MODULE = 'org.apache.kafka.common.security.scram.ScramLoginModule';
export const MSK_IAM_LOGIN_MODULE = 'software.amazon.msk.auth.iam.IAMLoginModule';
export const OAUTHBEARER_LOGIN_MODULE =
  'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule';
export const SUPPORTED_LOGIN_MODULES = [
  PLAIN_LOGIN_MODULE,
  SCRAM_LOGIN_MODULE,
  MSK_IAM_LOGIN_MODULE,
  OAUTHBEARER_LOGIN_MODULE,
] as const;

/** Mechanisms whose login module carries no username and password (MSK IAM). */
export const isAwsIamMechanism = (mechanism: string | undefined) =>
  mechanism?.toUpperCase() === 'AWS_MSK_IAM' || mechanism?.toUpperCase() === 'OAUTHBEARER';

export interface JaasConfig {
  loginModule: string;
  flag: string;
  options: Record<string, string>;
}

/** Why a JAAS string was rejected. The message never contains the string (it holds a password). */
export class JaasParseError extends Error {}

const FLAGS = ['required', 'requisite', 'sufficient', 'optional'];
const CLASS_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*/;
const WORD = /^[\w$.\-/:@+]+/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

export function parseJaasConfig(text: string): JaasConfig {
  let rest = text.trim();
  const take = (pattern: RegExp, what: string): string => {
    const match = pattern.exec(rest);
    if (!match) throw new JaasParseError(`expected ${what}`);
    rest = rest.slice(match[0].length).trimStart();
    return match[0];
  };

  const loginModule = take(CLASS_NAME, 'a login module class name');
  const flag = take(/^[a-z]+/, 'a control flag (required)');
  if (!FLAGS.includes(flag))
    throw new JaasParseError(`the control flag must be ${FLAGS.join(', ')}`);

  const options: Record<string, string> = {};
  while (!rest.startsWith(';')) {
    if (rest === '') throw new JaasParseError('missing the closing ";"');
    const key = take(/^[A-Za-z_$][\w$.-]*/, 'an option name');
    // Messages name no option: with an unquoted password, a "name" may be half of it.
    take(/^=/, '"=" after an option name');
    options[key] =
      rest.startsWith('"') || rest.startsWith("'") ? takeQuoted() : take(WORD, 'a value after "="');
  }
  rest = rest.slice(1).trim();
  // The Java client accepts exactly one login module in sasl.jaas.config.
  if (rest !== '')
    throw new JaasParseError('unexpected text after ";" (only one login module is allowed)');
  return { loginModule, flag, options };

  function takeQuoted(): string {
    const quote = rest[0];
    let value = '';
    for (let i = 1; i < rest.length; i++) {
      const char = rest[i];
      if (char === quote) {
        rest = rest.slice(i + 1).trimStart();
        return value;
      }
      if (char === '\\' && i + 1 < rest.length) {
        const next = rest[++i];
        value += ESCAPES[next] ?? next;
      } else {
        value += char;
      }
    }
    throw new JaasParseError('a quoted value is not closed');
  }
}

/** The login module the Java client needs for a mechanism. */
export function loginModuleFor(mechanism: SaslMechanism | undefined): string {
  if (mechanism === 'AWS_MSK_IAM') return MSK_IAM_LOGIN_MODULE;
  if (mechanism === 'OAUTHBEARER') return OAUTHBEARER_LOGIN_MODULE;
  return mechanism?.startsWith('SCRAM') ? SCRAM_LOGIN_MODULE : PLAIN_LOGIN_MODULE;
}

/** Whether a login module can authenticate with a mechanism (PlainLoginModule only does PLAIN). */
export function loginModuleMatches(loginModule: string, mechanism: string): boolean {
  return loginModule === loginModuleFor(mechanism.toUpperCase() as SaslMechanism);
}

/** The JAAS string for typed options, so they go through the same parsing as a properties file. */
export function buildJaasConfig(
  mechanism: SaslMechanism | undefined,
  credentials: { username?: string; password?: string },
): string {
  const quote = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  const options = Object.entries(credentials)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${quote(value)}`);
  return [loginModuleFor(mechanism), 'required', ...options].join(' ') + ';';
}
