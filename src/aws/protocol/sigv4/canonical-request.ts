import { createHash } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export type HeaderBag = Record<string, string | string[] | undefined>;

/** Trimall (botocore `' '.join(value.split())`): trim and collapse inner whitespace runs to one space. */
export function trimAll(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/**
 * Canonical value of one header: repeated values (array form) are each trimmed and joined with ','.
 * A header named in SignedHeaders but absent canonicalises to the empty string, as AWS does, so the
 * request simply fails to verify.
 */
export function canonicalHeaderValue(headers: HeaderBag, name: string): string {
  const value = headers[name];
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map(trimAll).join(',');
  return trimAll(value);
}

export interface CanonicalRequestParts {
  method: string;
  uri: string;
  query: string;
  headers: HeaderBag;
  /** Lower-case names in the order the client listed them. */
  signedHeaders: readonly string[];
  /** SignedHeaders exactly as sent (its own line of the canonical request). */
  signedHeadersRaw: string;
  payloadHash: string;
}

export function buildCanonicalRequest(p: CanonicalRequestParts): string {
  const headerLines = p.signedHeaders.map((n) => `${n}:${canonicalHeaderValue(p.headers, n)}\n`).join('');
  return [p.method.toUpperCase(), p.uri, p.query, headerLines, p.signedHeadersRaw, p.payloadHash].join('\n');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function buildStringToSign(amzDate: string, scope: string, canonicalRequest: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
}
