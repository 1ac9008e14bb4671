import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

/**
 * Raw HTTP against nagare, optionally SigV4-signed by the AWS SDK's own signer
 * (@smithy/signature-v4), so a test controls exactly what goes on the wire: the signing date, the
 * scope, the body sent after signing, headers added or removed after signing.
 */

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface RawRequest {
  method: string;
  /** Path plus raw query, e.g. "/bucket/key?x-id=GetObject". */
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

/**
 * Sends exactly these headers and bytes (node:http adds nothing it is not told to, except Host when
 * absent); Content-Length is added unless the headers ask for chunked transfer.
 */
export async function rawRequest(endpoint: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(endpoint);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
  const headers: Record<string, string> = { ...req.headers };
  const has = (name: string): boolean => Object.keys(headers).some((h) => h.toLowerCase() === name);
  if (body !== undefined && !has('content-length') && !has('transfer-encoding')) {
    headers['content-length'] = String(body.length);
  }
  return new Promise<RawResponse>((ok, fail) => {
    const r = request(
      { host: url.hostname, port: Number(url.port), method: req.method, path: req.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          const text = buf.toString('utf8');
          ok({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: buf,
            text,
            json<T>(): T {
              try {
                return JSON.parse(text) as T;
              } catch {
                throw new Error(`response is not JSON (HTTP ${res.statusCode}): ${text}`);
              }
            },
          });
        });
      },
    );
    r.on('error', fail);
    r.end(body);
  });
}

export interface SignOptions {
  service: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  signingDate?: Date;
  /** Add x-amz-content-sha256 (S3 needs it; JSON clients do not send it). Default: service === 's3'. */
  contentSha256?: boolean;
}

export interface ToSign {
  method: string;
  /** Path without query (already percent-encoded as it goes on the wire). */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** RFC 3986 encoding, the way SigV4 canonicalises query keys and values. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Signs a request for `endpoint` and returns it ready for rawRequest (the host header is signed). */
export async function signRequest(endpoint: string, req: ToSign, opts: SignOptions): Promise<RawRequest> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    credentials: { accessKeyId: opts.accessKeyId ?? 'test', secretAccessKey: opts.secretAccessKey ?? 'test' },
    region: opts.region ?? 'us-east-1',
    service: opts.service,
    sha256: Sha256,
    applyChecksum: opts.contentSha256 ?? opts.service === 's3',
    uriEscapePath: opts.service !== 's3',
  });
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: req.path,
      query: req.query ?? {},
      headers: { host: url.host, ...(req.headers ?? {}) },
      body: req.body,
    },
    { signingDate: opts.signingDate ?? new Date() },
  );
  const query = Object.entries(req.query ?? {})
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');
  return {
    method: req.method,
    path: query === '' ? req.path : `${req.path}?${query}`,
    headers: signed.headers,
    ...(req.body === undefined ? {} : { body: req.body }),
  };
}

/** Signs and sends in one go. */
export async function signedRequest(endpoint: string, req: ToSign, opts: SignOptions): Promise<RawResponse> {
  return rawRequest(endpoint, await signRequest(endpoint, req, opts));
}

/** Signing name for each JSON target prefix used in the tests. */
const SIGNING_NAME: Record<string, string> = {
  AmazonSSM: 'ssm',
  secretsmanager: 'secretsmanager',
  CodePipeline_20150709: 'codepipeline',
  AmazonEC2ContainerServiceV20141113: 'ecs',
};

/** The JSON 1.1 request the AWS CLI would send for `target` (e.g. "AmazonSSM.GetParameter"). */
export function jsonRequest(target: string, body: Buffer | string | Record<string, unknown>): ToSign {
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  };
}

/** Signs a JSON 1.1 call with the service's signing name (override with opts.service) and sends it. */
export async function jsonCall(
  endpoint: string,
  target: string,
  body: Buffer | string | Record<string, unknown>,
  opts: Partial<SignOptions> = {},
): Promise<RawResponse> {
  const prefix = target.slice(0, target.lastIndexOf('.'));
  const service = opts.service ?? SIGNING_NAME[prefix];
  if (service === undefined) throw new Error(`no signing name known for ${prefix}`);
  return signedRequest(endpoint, jsonRequest(target, body), { ...opts, service });
}

/** The `__type` of a JSON error, as botocore reads it (namespace before '#' dropped). */
export function errorType(res: RawResponse): string {
  const t = res.json<{ __type?: string }>().__type ?? '';
  return t.slice(t.indexOf('#') + 1).split(':')[0] ?? '';
}

/** The message of a JSON error (`message` or `Message`, as botocore accepts both). */
export function errorMessageOf(res: RawResponse): string {
  const b = res.json<{ message?: string; Message?: string }>();
  return b.message ?? b.Message ?? '';
}

/** <Code> and <Message> of an S3 XML error document, plus any other top-level element by name. */
export function s3Error(res: RawResponse): { code: string; message: string; field(name: string): string | undefined } {
  const field = (name: string): string | undefined => {
    const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(res.text);
    return m?.[1]?.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  };
  return { code: field('Code') ?? '', message: field('Message') ?? '', field };
}

/**
 * Opens a connection, sends the request head (Content-Length = the full body) and only the first
 * `sendBytes` of the body, then drops the connection — a client that dies mid-upload.
 */
export async function sendPartialAndAbort(endpoint: string, req: RawRequest, sendBytes: number): Promise<void> {
  const url = new URL(endpoint);
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
  const headers: Record<string, string> = { ...req.headers, 'content-length': String(body.length) };
  const head = `${req.method} ${req.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  const sock = connect(Number(url.port), url.hostname);
  await new Promise<void>((ok, fail) => {
    sock.once('connect', ok);
    sock.once('error', fail);
  });
  sock.on('error', () => undefined);
  sock.write(head);
  sock.write(body.subarray(0, sendBytes));
  await new Promise((r) => setTimeout(r, 100));
  sock.destroy();
}
