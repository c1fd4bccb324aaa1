import { getProperties } from 'properties-file';
import * as m from './access.messages';

/**
 * The users of a file in the format of Kafka Connect's `BasicAuthSecurityRestExtension` (its
 * JAAS `PropertyFileLoginModule`): a Java properties file, one `user: password[,role…]` per line.
 * Roles are accepted and ignored: every listed user may do everything the API offers.
 *
 * @throws Error when the file defines no user or a password in a Jetty encoding (OBF:, MD5:,
 *   CRYPT:) that would otherwise be compared as plain text and never match.
 */
export function parseBasicAuthUsers(file: string, content: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const [user, value] of Object.entries(getProperties(content))) {
    // The first comma ends the password, as in Jetty's format; the rest are role names.
    const password = value.split(',')[0].trim();
    const encoding = /^(OBF|MD5|CRYPT):/i.exec(password)?.[1];
    if (encoding) throw new Error(m.usersFileHashedPassword(file, user, encoding.toUpperCase()));
    users.set(user, password);
  }
  if (users.size === 0) throw new Error(m.usersFileEmpty(file));
  return users;
}
