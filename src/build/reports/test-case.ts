/** Small conversions every test-report parser shares (spec A.11 limits, B.5 units). */

/** Test-case message limit (spec A.11, `[CBUG:limits]`). */
export const MAX_MESSAGE_LENGTH = 5000;

/** Message and stack trace, blank parts dropped, cut at the API limit. */
export function caseMessage(...parts: Array<string | undefined>): string {
  return parts
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join('\n')
    .slice(0, MAX_MESSAGE_LENGTH);
}

/**
 * JUnit/NUnit `time` is seconds as a decimal; Surefire writes thousands separators on some
 * locales (`1,234.567`). Garbage or negative values count as 0 rather than failing the report.
 */
export function secondsToNanos(raw: string | undefined): number {
  return toNanos(raw, 1e9);
}

export function millisToNanos(raw: string | undefined): number {
  return toNanos(raw, 1e6);
}

function toNanos(raw: string | undefined, scale: number): number {
  if (raw === undefined) return 0;
  const value = Number(raw.replace(/,/gu, '').trim());
  return Number.isFinite(value) && value > 0 ? Math.round(value * scale) : 0;
}

/** `prefix` for frameworks that only give a qualified name: everything before the last dot. */
export function qualifier(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : '';
}
