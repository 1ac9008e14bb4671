import type { SigV4Family } from './types.js';
import { encodeString, normalizeComponent } from './uri-encoding.js';

/**
 * Canonical URI of a request path as received on the wire.
 *
 * - S3: no normalisation, encoded once. Each segment is percent-decoded and re-encoded, so a raw
 *   `$` becomes `%24` (S3's own "test$file.text" example) and an encoded `%2F` inside a key stays
 *   `%2F` instead of turning into a path separator.
 * - Every other service (botocore `SigV4Auth._normalize_url_path`): remove dot segments and empty
 *   segments, then URI-encode the already-encoded path again (`%3A` → `%253A`), keeping '/' and '~'.
 */
export function canonicalUri(family: SigV4Family, rawPath: string): string {
  if (family === 's3') {
    if (rawPath === '') return '/';
    return rawPath
      .split('/')
      .map((segment) => normalizeComponent(segment, false))
      .join('/');
  }
  return encodeString(removeDotSegments(rawPath), true);
}

/**
 * RFC 3986 §5.2.4 plus AWS's "consecutive slashes collapse" (botocore `remove_dot_segments`).
 * A trailing slash survives only when something is left before it.
 */
export function removeDotSegments(path: string): string {
  if (path === '') return '/';
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const first = path.startsWith('/') ? '/' : '';
  const last = path.endsWith('/') && out.length > 0 ? '/' : '';
  return first + out.join('/') + last;
}
