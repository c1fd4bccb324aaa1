/**
 * What the REST API says when it refuses a request. None of these repeats what the client
 * sent: a mistyped password or token must not come back in a response or a log line.
 */
export const loopbackOnly = () =>
  'This request changes the sink and no rest.auth.* is configured, so it is accepted only from loopback (127.0.0.1, ::1). Configure rest.auth.basic.users.file or rest.auth.bearer.token to allow it from elsewhere.';
export const credentialsMissing = (schemes: readonly string[]) =>
  `Credentials required: send an Authorization header (${schemes.join(' or ')}).`;
export const authorizationMalformed = (schemes: readonly string[]) =>
  `Malformed Authorization header: expected ${schemes.map(schemeForm).join(' or ')}.`;
export const schemeNotAccepted = (schemes: readonly string[]) =>
  `This authentication scheme is not accepted here; use ${schemes.join(' or ')}.`;
export const credentialsInvalid = () => 'Invalid credentials.';

export const usersFileUnreadable = (file: string, reason: string) =>
  `rest.auth.basic.users.file ${file} cannot be read (${reason})`;
export const usersFileHashedPassword = (file: string, user: string, prefix: string) =>
  `rest.auth.basic.users.file ${file}: the password of user "${user}" is ${prefix}-encoded, which is not supported; write it in plain text and protect the file instead`;
export const usersFileEmpty = (file: string) =>
  `rest.auth.basic.users.file ${file} defines no user`;
export const tokenFileEmpty = (file: string) => `rest.auth.bearer.token.file ${file} is empty`;

export const startupOpen = () =>
  'REST: no rest.auth.* configured; pause, resume, restart, stop and offset changes are accepted only from loopback';
export const startupProtected = (schemes: readonly string[], metrics: boolean) =>
  `REST: pause, resume, restart, stop and offset changes need ${schemes.join(' or ')} credentials` +
  (metrics ? '; so does /metrics' : '');

function schemeForm(scheme: string): string {
  return scheme === 'Basic' ? 'Basic <base64 of user:password>' : 'Bearer <token>';
}
