import { randomBytes, randomUUID } from 'node:crypto';

/** AWS-style request id (UUID v4, as most JSON services send in x-amzn-RequestId). */
export function requestId(): string {
  return randomUUID();
}

/** S3-style request id: 16 upper-case hex characters. */
export function s3RequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random string over [A-Za-z0-9] (e.g. the 6-character suffix of a Secrets Manager ARN). */
export function randomAlnum(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 248) out += ALNUM[b % 62];
  }
  return out.length === length ? out : out + randomAlnum(length - out.length);
}

/**
 * Opaque random token, URL-safe (upload ids, version ids, pagination tokens). It never starts with
 * `-` or `_`: users paste these ids as CLI arguments, and `--upload-id -6JP…` is read as a flag.
 */
export function randomToken(bytes = 24): string {
  const token = randomBytes(bytes).toString('base64url');
  return /^[-_]/.test(token) ? randomAlnum(1) + token.slice(1) : token;
}
