/**
 * HTTP Basic for git: user name = an access key id, password = its secret access key (the same
 * pairs the API's SigV4 accepts). Comparison is constant-time over digests, so neither the
 * secret's content nor its length leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const BASIC_REALM = 'Basic realm="nagare git"';

export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** The access key id the request authenticates as, or undefined. */
export function authenticateBasic(header: string | undefined, credentials: ReadonlyMap<string, string>): string | undefined {
  const given = parseBasicAuth(header);
  if (!given) return undefined;
  const secret = credentials.get(given.user);
  // Compare even for unknown keys so a miss costs the same as a wrong secret.
  const ok = timingSafeEqual(digest(secret ?? '\0unknown'), digest(given.password));
  return ok && secret !== undefined ? given.user : undefined;
}
