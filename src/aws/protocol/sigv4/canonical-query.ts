import { decodeToBytes, encodeBytes } from './uri-encoding.js';

/** One query parameter, decoded (UTF-8, lossy only for invalid sequences) and canonically encoded. */
export interface QueryParam {
  name: string;
  value: string;
  encodedName: string;
  encodedValue: string;
}

/**
 * Splits a raw query on '&' and the first '='. Empty pieces ("a=1&&b=2") are dropped, as SDKs never
 * send them. Names and values are percent-decoded and re-encoded per RFC 3986 (including '/' → %2F),
 * so "%7e", "~" and "%7E" all canonicalise to "~".
 */
export function parseQuery(rawQuery: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (rawQuery === '') return params;
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq < 0 ? piece : piece.slice(0, eq);
    const rawValue = eq < 0 ? '' : piece.slice(eq + 1);
    const nameBytes = decodeToBytes(rawName);
    const valueBytes = decodeToBytes(rawValue);
    params.push({
      name: nameBytes.toString('utf8'),
      value: valueBytes.toString('utf8'),
      encodedName: encodeBytes(nameBytes, false),
      encodedValue: encodeBytes(valueBytes, false),
    });
  }
  return params;
}

/**
 * Canonical query string: encoded pairs sorted by name, then by value (byte order; encoded strings
 * are ASCII so code-unit order is byte order). `exclude` drops a parameter by decoded name — the
 * presigned X-Amz-Signature.
 */
export function canonicalQuery(params: readonly QueryParam[], exclude?: string): string {
  return params
    .filter((p) => p.name !== exclude)
    .map((p) => [p.encodedName, p.encodedValue] as const)
    .sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First value of a query parameter by exact decoded name. */
export function queryValue(params: readonly QueryParam[], name: string): string | undefined {
  return params.find((p) => p.name === name)?.value;
}
