import type { IncomingMessage } from 'node:http';
import { verifySigV4, type SigV4Context } from '../protocol/sigv4/index.js';
import type { ProtocolFamily } from '../protocol/errors.js';
import type { GatewayOptions } from './options.js';

/** Splits the request target into the raw path and raw query exactly as received. */
export function splitUrl(url: string): { rawPath: string; rawQuery: string } {
  const q = url.indexOf('?');
  return q < 0 ? { rawPath: url, rawQuery: '' } : { rawPath: url.slice(0, q), rawQuery: url.slice(q + 1) };
}

/** Verifies the request's SigV4 signature (header or presigned query); throws AwsError. */
export function authenticate(
  req: IncomingMessage,
  opts: GatewayOptions,
  family: ProtocolFamily,
  expectedService: string | undefined,
  payloadHash?: string,
): SigV4Context {
  const { rawPath, rawQuery } = splitUrl(req.url ?? '/');
  return verifySigV4(
    // headersDistinct keeps repeated headers apart: SigV4 joins them with "," where Node uses ", ".
    { method: req.method ?? 'GET', rawPath, rawQuery, headers: req.headersDistinct },
    {
      family,
      secretFor: (akid) => opts.credentials.get(akid),
      now: opts.clock.now(),
      ...(expectedService === undefined ? {} : { expectedService }),
      ...(payloadHash === undefined ? {} : { payloadHash }),
    },
  );
}

/** The base URL the client addressed, used when we hand URLs back (clone URLs, presign, …). */
export function endpointOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}
