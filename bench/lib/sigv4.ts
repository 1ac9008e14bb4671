import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Agent } from 'node:http';
import { httpCall, type HttpResult } from './http.js';

/** The loopback-only default key nagare accepts. */
export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const REGION = 'us-east-1';

export type SignableRequest = Parameters<SignatureV4['sign']>[0];

export interface RawRequest {
  method: string;
  /** Path as sent (S3: /bucket/key, already URI-encoded). */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

/** A signer for one service: JSON services (escaped path) or S3 (unescaped path, payload hash header). */
export function signerFor(service: 'ssm' | 's3' | 'codebuild' | 'logs'): SignatureV4 {
  return new SignatureV4({
    service,
    region: REGION,
    credentials: CREDENTIALS,
    sha256: Sha256,
    uriEscapePath: service !== 's3',
    applyChecksum: true,
  });
}

/** Signs `r` for 127.0.0.1:`port` now and sends it with `agent`. */
export async function sendSigned(signer: SignatureV4, port: number, agent: Agent, r: RawRequest): Promise<HttpResult> {
  const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...(r.headers ?? {}) };
  if (r.body !== undefined) headers['content-length'] = String(r.body.length);
  const unsigned: SignableRequest = { method: r.method, protocol: 'http:', hostname: '127.0.0.1', port, path: r.path, query: {}, headers, body: r.body };
  const signed = await signer.sign(unsigned);
  return httpCall({ port, method: r.method, path: r.path, headers: signed.headers, agent, ...(r.body === undefined ? {} : { body: r.body }) });
}
