import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when two secrets are equal, in time that does not depend on where they differ. Both are
 * hashed first so the comparison also hides their lengths (`timingSafeEqual` needs equal sizes).
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
