/**
 * Test-only helpers (imported by *.test.ts beside it, never by production code): sign requests with
 * the AWS SDK's own signer (@smithy/signature-v4) and turn them into what the server receives.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { AwsError } from '../errors.js';
import { signChunk, signTrailer, type ChunkSigningContext } from './chunk-signature.js';
import { encodeString } from './uri-encoding.js';
import type { SigV4Request } from './types.js';

export const AKID = 'AKIDEXAMPLE';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
export const secretFor = (id: string): string | undefined => (id === AKID ? SECRET : undefined);

export interface SmithyRequest {
  service: string;
  region?: string;
  method: string;
  hostname?: string;
  /** Wire path, already percent-encoded the way an SDK sends it. */
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string;
  /** S3 mode: path used verbatim in the canonical request (uriEscapePath false). */
  s3?: boolean;
  /** Send x-amz-content-sha256 (smithy's default); botocore omits it for non-S3 services. */
  applyChecksum?: boolean;
  signingDate: Date;
}

function smithyRequest(r: SmithyRequest): HttpRequest {
  return {
    method: r.method,
    protocol: 'https:',
    hostname: r.hostname ?? 'example.amazonaws.com',
    path: r.path,
    query: r.query ?? {},
    headers: { host: r.hostname ?? 'example.amazonaws.com', ...(r.headers ?? {}) },
    body: r.body,
  };
}

function signer(r: SmithyRequest): SignatureV4 {
  return new SignatureV4({
    credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
    region: r.region ?? 'us-east-1',
    service: r.service,
    sha256: Sha256,
    uriEscapePath: r.s3 !== true,
    applyChecksum: r.applyChecksum ?? true,
  });
}

/** RFC 3986 query string the way smithy's buildQueryString puts it on the wire. */
export function wireQuery(query: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    for (const value of Array.isArray(v) ? v : [v]) parts.push(`${encodeString(k, false)}=${encodeString(value, false)}`);
  }
  return parts.join('&');
}

function toServer(signed: HttpRequest): SigV4Request {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = v;
  return { method: signed.method, rawPath: signed.path, rawQuery: wireQuery(signed.query as Record<string, string | string[]>), headers };
}

export async function smithySign(r: SmithyRequest): Promise<SigV4Request> {
  return toServer(await signer(r).sign(smithyRequest(r), { signingDate: r.signingDate }));
}

export async function smithyPresign(r: SmithyRequest, expiresIn: number): Promise<SigV4Request> {
  return toServer(await signer(r).presign(smithyRequest(r), { signingDate: r.signingDate, expiresIn }));
}

/** Runs fn and returns the AwsError it throws (fails the test when it does not throw one). */
export function catchAwsError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected an AwsError');
}

export interface ChunkedBody {
  body: Buffer;
  signatures: string[];
}

/**
 * Builds a signed aws-chunked body (S3 docs layout): data chunks, the zero-length chunk, then either
 * "\r\n" or — with trailers — the trailing headers and x-amz-trailer-signature.
 */
export function signedChunkedBody(
  ctx: ChunkSigningContext,
  seed: string,
  chunks: Buffer[],
  trailers?: Array<[string, string]>,
): ChunkedBody {
  const parts: Buffer[] = [];
  const signatures: string[] = [];
  let previous = seed;
  for (const data of [...chunks, Buffer.alloc(0)]) {
    previous = signChunk(ctx, previous, data);
    signatures.push(previous);
    parts.push(Buffer.from(`${data.length.toString(16)};chunk-signature=${previous}\r\n`), data);
    if (data.length > 0) parts.push(Buffer.from('\r\n'));
  }
  if (trailers === undefined) {
    parts.push(Buffer.from('\r\n'));
  } else {
    const sig = signTrailer(ctx, previous, trailers);
    signatures.push(sig);
    const lines = trailers.map(([n, v]) => `${n}:${v}\r\n`).join('');
    parts.push(Buffer.from(`${lines}x-amz-trailer-signature:${sig}\r\n\r\n`));
  }
  return { body: Buffer.concat(parts), signatures };
}

/** Unsigned aws-chunked body with trailers, as botocore's AwsChunkedWrapper writes it. */
export function unsignedChunkedBody(chunks: Buffer[], trailers: Array<[string, string]>): Buffer {
  const parts: Buffer[] = [];
  for (const data of chunks) parts.push(Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`0\r\n${trailers.map(([n, v]) => `${n}:${v}\r\n`).join('')}\r\n`));
  return Buffer.concat(parts);
}

