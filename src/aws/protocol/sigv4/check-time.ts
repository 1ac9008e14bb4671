import type { SigV4Errors, TimeDetails } from './errors.js';

/** AWS's general SigV4 window; some services (Logs, KMS) use 5 min — callers pass maxSkewMs for those. */
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

/** Header auth: the request time must lie within ±window of the server clock (bounds inclusive). */
export function checkHeaderTime(t: TimeDetails, errors: SigV4Errors): void {
  const now = t.now.getTime();
  const at = t.requestTime.getTime();
  if (at < now - t.windowMs) throw errors.expired(t);
  if (at > now + t.windowMs) throw errors.notYetCurrent(t);
}

/**
 * Presigned URLs: valid from X-Amz-Date (minus the skew window, for clients whose clock runs ahead)
 * until X-Amz-Date + X-Amz-Expires. An old URL is fine while it has not expired — no skew check.
 */
export function checkPresignedTime(t: TimeDetails, expiresSeconds: number, errors: SigV4Errors): void {
  const now = t.now.getTime();
  const at = t.requestTime.getTime();
  if (at > now + t.windowMs) throw errors.presignedNotYetValid(t, expiresSeconds);
  if (now > at + expiresSeconds * 1000) throw errors.presignedExpired(t, expiresSeconds);
}
