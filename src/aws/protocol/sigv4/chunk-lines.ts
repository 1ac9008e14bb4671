/**
 * Parsers for the text lines of an aws-chunked body (the CRLF already stripped). They return a
 * description of the problem instead of throwing so the decoder can wrap it in the family's error.
 */

/** Chunk sizes are hex; 13 digits already exceed any real object (S3's limit is 5 TiB). */
const MAX_SIZE_DIGITS = 13;

export type SizeLine = { ok: true; size: number; signature: string | undefined } | { ok: false; problem: string };

/**
 * `<hex-size>;chunk-signature=<64 lower-hex>` when signed; `<hex-size>` (extensions ignored) when not.
 */
export function parseSizeLine(line: string, signed: boolean): SizeLine {
  const semi = line.indexOf(';');
  const sizeText = semi < 0 ? line : line.slice(0, semi);
  if (!/^[0-9a-fA-F]+$/.test(sizeText) || sizeText.length > MAX_SIZE_DIGITS) {
    return { ok: false, problem: `invalid chunk size "${truncate(sizeText)}"` };
  }
  const size = parseInt(sizeText, 16);
  if (!signed) return { ok: true, size, signature: undefined };
  const m = /^;chunk-signature=([0-9a-f]{64})$/.exec(semi < 0 ? '' : line.slice(semi));
  if (m === null) return { ok: false, problem: 'chunk header must be "<hex-size>;chunk-signature=<signature>"' };
  return { ok: true, size, signature: m[1] };
}

export type TrailerLine = { ok: true; name: string; value: string } | { ok: false; problem: string };

/** `name:value`; the name is lower-cased and the value trimmed, as in canonical headers. */
export function parseTrailerLine(line: string): TrailerLine {
  const colon = line.indexOf(':');
  if (colon <= 0) return { ok: false, problem: `invalid trailing header "${truncate(line)}"` };
  const name = line.slice(0, colon).trim().toLowerCase();
  if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) return { ok: false, problem: `invalid trailing header name "${truncate(name)}"` };
  return { ok: true, name, value: line.slice(colon + 1).trim() };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
