import { amzDateFromHttpDate } from './amz-date.js';
import { ALGORITHM, type HeaderBag } from './canonical-request.js';
import type { MissingPart, SigV4Errors } from './errors.js';
import type { SigV4Credentials } from './types.js';

export function firstHeader(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` plus the request time
 * (X-Amz-Date, else Date). Throws the family's error for an unsupported scheme, a component that is
 * not key=value, or missing components (Coral lists every missing one, the date included, and ends
 * with `Authorization=<value>`). The date's format is checked later, by the caller.
 */
export function parseAuthorizationHeader(authorization: string, headers: HeaderBag, errors: SigV4Errors): SigV4Credentials {
  const rawDate = dateOf(headers);
  const trimmed = authorization.trim();
  if (!(trimmed === ALGORITHM || trimmed.startsWith(`${ALGORITHM} `))) {
    throw errors.unsupportedAlgorithm(authorization, rawDate === undefined);
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
    const component = part.trim();
    if (component === '') continue;
    const eq = component.indexOf('=');
    if (eq <= 0) throw errors.malformedComponent(component, authorization);
    fields.set(component.slice(0, eq).trim(), component.slice(eq + 1).trim());
  }
  const missing: MissingPart[] = [];
  const credential = fields.get('Credential');
  const signedHeadersRaw = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined || credential === '') missing.push('Credential');
  if (signature === undefined || signature === '') missing.push('Signature');
  if (signedHeadersRaw === undefined || signedHeadersRaw === '') missing.push('SignedHeaders');
  if (rawDate === undefined) missing.push('Date');
  if (missing.length > 0 || credential === undefined || signature === undefined || signedHeadersRaw === undefined) {
    throw errors.missingComponents(missing, authorization);
  }
  return {
    credential,
    signature,
    signedHeadersRaw,
    signedHeaders: splitSignedHeaders(signedHeadersRaw),
    amzDate: rawDate ?? '',
  };
}

export function splitSignedHeaders(raw: string): string[] {
  return raw
    .split(';')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
}

/**
 * The request time as it went into the string to sign. X-Amz-Date wins over Date; a Date header is
 * converted to the basic format (botocore signs `context['timestamp']` even when it sends `Date`),
 * and an unparsable one is returned unchanged so the caller reports it as an invalid date.
 */
function dateOf(headers: HeaderBag): string | undefined {
  const amz = firstHeader(headers, 'x-amz-date')?.trim();
  if (amz !== undefined && amz !== '') return amz;
  const http = firstHeader(headers, 'date')?.trim();
  if (http === undefined || http === '') return undefined;
  return amzDateFromHttpDate(http) ?? http;
}
