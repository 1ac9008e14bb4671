/**
 * RFC 3986 percent-encoding as SigV4 uses it: every byte except the unreserved set
 * `A-Z a-z 0-9 - _ . ~` becomes `%XX` with upper-case hex (botocore `quote(s, safe='-_.~')`).
 */

const HEX = '0123456789ABCDEF';

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || byte === 0x5f || byte === 0x2e || byte === 0x7e // - _ . ~
  );
}

/** Encodes bytes; `keepSlash` leaves '/' alone (canonical URIs), otherwise it becomes %2F. */
export function encodeBytes(bytes: Uint8Array, keepSlash: boolean): string {
  let out = '';
  for (const byte of bytes) {
    if (isUnreserved(byte) || (keepSlash && byte === 0x2f)) out += String.fromCharCode(byte);
    else out += '%' + HEX[byte >> 4] + HEX[byte & 15];
  }
  return out;
}

/** Encodes a string's UTF-8 bytes (so '%' itself becomes %25: this is the "encode again" step). */
export function encodeString(value: string, keepSlash: boolean): string {
  return encodeBytes(Buffer.from(value, 'utf8'), keepSlash);
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Percent-decodes to raw bytes. Literal characters contribute their UTF-8 bytes; a '%' not followed
 * by two hex digits stays a literal '%'. '+' stays '+' (RFC 3986, not form encoding): SDKs send
 * spaces as %20, and a literal '+' must round-trip to %2B.
 */
export function decodeToBytes(value: string): Buffer {
  const raw = Buffer.from(value, 'utf8');
  const out = Buffer.allocUnsafe(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i] as number;
    if (byte === 0x25 && i + 2 < raw.length) {
      const hi = hexValue(raw[i + 1] as number);
      const lo = hexValue(raw[i + 2] as number);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    out[n++] = byte;
  }
  return out.subarray(0, n);
}

/** Decode then encode once: normalises any client's escaping to the canonical form. */
export function normalizeComponent(value: string, keepSlash: boolean): string {
  return encodeBytes(decodeToBytes(value), keepSlash);
}
