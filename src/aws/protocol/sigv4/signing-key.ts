import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request").
 * Four HMACs per request add up, and a client reuses one key all day, so derived keys are kept in a
 * small LRU keyed by (secret, date, region, service). The secret is part of the key on purpose: a
 * rotated secret can never be served a stale key.
 */

const MAX_ENTRIES = 128;
const cache = new Map<string, Buffer>();

export function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function deriveSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${secret}\u0000${date}\u0000${region}\u0000${service}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) {
    // Re-insert to mark as most recently used (Map iterates in insertion order).
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit;
  }
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  cache.set(cacheKey, key);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return key;
}

/** Number of cached keys; for tests of the bound. */
export function signingKeyCacheSize(): number {
  return cache.size;
}

export function signHex(signingKey: Buffer, stringToSign: string): string {
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

/**
 * Constant-time comparison of two signatures. Different lengths still cost one comparison of the
 * expected value against itself, so the timing does not reveal where the strings differ.
 */
export function signaturesEqual(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
