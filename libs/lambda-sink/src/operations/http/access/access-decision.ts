import * as m from './access.messages';
import { isLoopbackAddress } from './loopback-address';
import { sameSecret } from './secret-comparison';

/** What a request is allowed to do, and if not, what to answer. Never holds what the client sent. */
export type AccessDecision =
  | { allowed: true; principal: string }
  | { allowed: false; status: 401 | 403; message: string; challenge?: string };

/** The credentials configured by `rest.auth.*`; neither set means "loopback only". */
export interface RestCredentials {
  /** HTTP Basic users and their passwords. */
  users?: ReadonlyMap<string, string>;
  bearerToken?: string;
}

export interface AccessRequest {
  /** The `Authorization` header as received. */
  authorization?: string;
  /** The peer address of the connection (not a forwarded-for header, which anyone can set). */
  remoteAddress?: string;
}

// Compared against when the user is unknown, so an unknown user takes as long as a wrong password.
const NO_USER_PASSWORD = '\u0000no-such-user';

/**
 * The one rule for requests that change the sink (SPEC 11): with credentials configured, they
 * must match; without, only a peer on loopback is let in.
 */
export function decideAccess(request: AccessRequest, credentials: RestCredentials): AccessDecision {
  const schemes = [
    ...(credentials.users ? ['Basic'] : []),
    ...(credentials.bearerToken !== undefined ? ['Bearer'] : []),
  ];
  if (schemes.length === 0) {
    return isLoopbackAddress(request.remoteAddress)
      ? { allowed: true, principal: 'loopback' }
      : { allowed: false, status: 403, message: m.loopbackOnly() };
  }
  const challenge = schemes
    .map((s) => (s === 'Basic' ? 'Basic realm="KafkaConnect"' : s))
    .join(', ');
  const refuse = (message: string): AccessDecision => ({
    allowed: false,
    status: 401,
    message,
    challenge,
  });

  const header = request.authorization?.trim();
  if (!header) return refuse(m.credentialsMissing(schemes));
  const match = /^(\S+)\s+(\S+)$/.exec(header);
  if (!match) return refuse(m.authorizationMalformed(schemes));
  const scheme = match[1].toLowerCase();
  if (scheme === 'basic' && credentials.users) {
    const pair = decodeBasic(match[2]);
    if (!pair) return refuse(m.authorizationMalformed(schemes));
    const expected = credentials.users.get(pair.user);
    const matches = sameSecret(pair.password, expected ?? NO_USER_PASSWORD);
    return matches && expected !== undefined
      ? { allowed: true, principal: pair.user }
      : refuse(m.credentialsInvalid());
  }
  if (scheme === 'bearer' && credentials.bearerToken !== undefined) {
    return sameSecret(match[2], credentials.bearerToken)
      ? { allowed: true, principal: 'bearer token' }
      : refuse(m.credentialsInvalid());
  }
  if (scheme === 'basic' || scheme === 'bearer') return refuse(m.schemeNotAccepted(schemes));
  return refuse(m.authorizationMalformed(schemes));
}

/** `user:password` from RFC 7617's base64; undefined unless it is strictly that. */
function decodeBasic(encoded: string): { user: string; password: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
