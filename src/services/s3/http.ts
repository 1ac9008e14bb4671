import { AwsError, toXml, type RestRequest, type RestResponse, type XmlNode } from '../../aws/index.js';

/** One request header as a string (the first value when repeated), or undefined. */
export function header(req: RestRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A query parameter, or undefined when absent (present-but-empty stays ''). */
export function queryParam(req: RestRequest, name: string): string | undefined {
  const v = req.query.get(name);
  return v === null ? undefined : v;
}

/** RFC 1123 date as S3 sends it in Last-Modified ("Tue, 15 Nov 1994 08:12:31 GMT"). */
export function httpDate(d: Date): string {
  return d.toUTCString();
}

export function xmlResponse(root: string, body: XmlNode, status = 200, headers: Record<string, string | number | undefined> = {}): RestResponse {
  return { status, headers: { 'content-type': 'application/xml', ...headers }, body: toXml(root, body) };
}

export function emptyResponse(status: number, headers: Record<string, string | number | undefined> = {}): RestResponse {
  return { status, headers };
}

/** Largest request document (CompleteMultipartUpload with 10,000 parts is ~1 MB). */
export const MAX_XML_BODY = 2 * 1024 * 1024;

/** Reads a small request document as text; larger than `limit` is S3's MaxMessageLengthExceeded. */
export async function readSmallBody(req: RestRequest, limit = MAX_XML_BODY): Promise<string> {
  return (await readSmallBuffer(req, limit)).toString('utf8');
}

export async function readSmallBuffer(req: RestRequest, limit = MAX_XML_BODY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new AwsError('MaxMessageLengthExceeded', 'Your request was too big.', 400);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Parses a non-negative integer query parameter (max-keys, part-number-marker…). */
export function intParam(req: RestRequest, name: string, fallback: number, max?: number): number {
  const raw = queryParam(req, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) {
    throw new AwsError('InvalidArgument', `Provided ${name} not an integer or within integer range`, 400, { ArgumentName: name, ArgumentValue: raw });
  }
  const n = Number(raw);
  if (n < 0) {
    throw new AwsError('InvalidArgument', `Argument ${name} must be an integer between 0 and 2147483647`, 400, { ArgumentName: name, ArgumentValue: raw });
  }
  return max === undefined ? n : Math.min(n, max);
}

/** URL-encodes a key/prefix for EncodingType=url (space → %20; '/' kept, like S3). */
export function urlEncodeKey(value: string): string {
  return encodeURIComponent(value).replaceAll('%2F', '/').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Reads and drops whatever the handler left of the request body. Clients such as botocore send the
 * whole body before they read the response; if nobody consumed it, backpressure would stall the
 * connection until a timeout instead of delivering an early error (e.g. NoSuchBucket on a 30 MB PUT).
 */
export function discardBody(req: RestRequest): void {
  const body = req.body;
  if (body.readableEnded || body.destroyed) return;
  body.on('error', () => undefined); // a payload-hash mismatch at the end no longer matters
  body.resume();
}
