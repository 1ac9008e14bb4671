/**
 * The head of a CGI response (RFC 3875 §6): header lines, `Status: <code> <reason>` instead of a
 * status line, then an empty line. git http-backend ends lines with CRLF; bare LF is accepted too.
 */
export interface CgiHead {
  status: number;
  headers: Record<string, string>;
  /** Bytes after the blank line: the start of the body. */
  rest: Buffer;
}

/** Parses the head once `buf` holds all of it; undefined while more bytes are needed. */
export function parseCgiHead(buf: Buffer): CgiHead | undefined {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  let end: number;
  let sepLen: number;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) {
    end = crlf;
    sepLen = 4;
  } else if (lf >= 0) {
    end = lf;
    sepLen = 2;
  } else {
    return undefined;
  }
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of buf.subarray(0, end).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') {
      const code = Number.parseInt(value, 10);
      if (code >= 100 && code <= 599) status = code;
    } else {
      headers[name] = value;
    }
  }
  return { status, headers, rest: buf.subarray(end + sepLen) };
}
