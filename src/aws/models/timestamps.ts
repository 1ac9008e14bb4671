/**
 * Timestamp wire forms. JSON protocols default to epoch seconds as a JSON number with a millisecond
 * fraction (1543431490.226); a member or shape may override it with `timestampFormat`.
 */
import type { TimestampFormat } from './types.js';

export function formatTimestamp(date: Date, format: TimestampFormat = 'unixTimestamp'): string | number {
  switch (format) {
    case 'iso8601':
      return date.toISOString();
    case 'rfc822':
      return date.toUTCString();
    default:
      // getTime() is whole milliseconds, so this prints at most three decimals.
      return date.getTime() / 1000;
  }
}

/** Epoch seconds (number) or a date string (ISO 8601 / RFC 822) to a Date; undefined if neither. */
export function parseTimestamp(value: number | string): Date | undefined {
  const date = typeof value === 'number' ? new Date(Math.round(value * 1000)) : parseDateString(value);
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date;
}

// Only strings that look like dates: Date.parse alone also accepts things like "1" or "May".
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC822 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function parseDateString(value: string): Date | undefined {
  const iso = ISO.exec(value);
  if (iso) {
    // A time without a zone is UTC on AWS; JS would read it as server-local time.
    const zoneless = value.length > 10 && iso[1] === undefined;
    const normalized = value.replace(' ', 'T');
    return new Date(zoneless ? `${normalized}Z` : normalized);
  }
  return RFC822.test(value) ? new Date(value) : undefined;
}
