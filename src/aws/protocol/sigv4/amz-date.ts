/** SigV4 timestamps: `YYYYMMDD'T'HHMMSS'Z'` (ISO 8601 basic format, UTC). */

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Strictly parses an amz-date; rejects out-of-range fields (20130532T…) instead of rolling over. */
export function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE.exec(value);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (formatAmzDate(date) !== value) return undefined;
  return date;
}

export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** `2015-06-04T22:26:16Z`, the form S3 uses for ServerTime/Expires in error bodies. */
export function formatIsoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A `Date:` header turned into the amz-date that went into the string to sign: botocore signs
 * `request.context['timestamp']` (basic format) even when it sends the time in `Date`. Accepts
 * IMF-fixdate ("Fri, 24 May 2013 00:00:00 GMT") and the RFC 2822 form botocore's `formatdate` emits
 * ("Mon, 01 Jan 2024 00:00:00 -0000").
 */
export function amzDateFromHttpDate(value: string): string | undefined {
  if (!/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$/.test(value.trim())) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : formatAmzDate(new Date(ms));
}

/** "15 min" for whole minutes, else "N sec" — the unit Coral prints in "Signature expired" messages. */
export function formatWindow(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} sec`;
}
