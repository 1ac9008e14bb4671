/**
 * Authentication of CodePipeline v1 webhook deliveries (spec D.4, Part E).
 *
 * - GITHUB_HMAC: `X-Hub-Signature-256: sha256=<hex>` = HMAC-SHA256(SecretToken, raw body bytes).
 *   The legacy `X-Hub-Signature: sha1=<hex>` is accepted only when no SHA-256 header is present
 *   (spec open question: accept both). Comparison is constant-time over equal-length digests.
 * - IP: the peer address must be inside `AllowedIPRange` (ip-range.ts).
 * - UNAUTHENTICATED: everything passes.
 * The caller passes the RAW body (never re-serialised JSON, Surprise 33) and the socket's remote
 * address (not X-Forwarded-For: a header anyone can set is no authentication).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookAuthConfigError } from './errors.js';
import { ipInRange, parseCidr } from './ip-range.js';

export type WebhookAuthenticationType = 'GITHUB_HMAC' | 'IP' | 'UNAUTHENTICATED';

/** AWS WebhookAuthConfiguration (member names as in the model). */
export interface WebhookAuthConfiguration {
  SecretToken?: string;
  AllowedIPRange?: string;
}

export type HeaderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface WebhookDeliveryRequest {
  rawBody: Uint8Array;
  /** Node's IncomingHttpHeaders or any map; names are matched case-insensitively. */
  headers: HeaderValues;
  remoteAddress: string | undefined;
}

export type WebhookAuthFailure =
  | 'missing-signature'
  | 'malformed-signature'
  | 'signature-mismatch'
  | 'address-not-allowed'
  | 'unknown-remote-address'
  | 'misconfigured';

export type WebhookAuthResult =
  | { ok: true; method: WebhookAuthenticationType; detail?: string }
  | { ok: false; reason: WebhookAuthFailure; message: string };

/**
 * PutWebhook-time check (→ InvalidWebhookAuthenticationParametersException): GITHUB_HMAC needs a
 * SecretToken, IP needs a parseable AllowedIPRange. Extra members are tolerated (unverified).
 */
export function validateWebhookAuthentication(type: string, config: WebhookAuthConfiguration | undefined): void {
  if (type === 'GITHUB_HMAC') {
    if (!config?.SecretToken) throw new WebhookAuthConfigError('GITHUB_HMAC authentication requires authenticationConfiguration.SecretToken');
  } else if (type === 'IP') {
    if (!config?.AllowedIPRange) throw new WebhookAuthConfigError('IP authentication requires authenticationConfiguration.AllowedIPRange');
    if (!parseCidr(config.AllowedIPRange)) throw new WebhookAuthConfigError(`AllowedIPRange ${JSON.stringify(config.AllowedIPRange)} is not a valid CIDR range`);
  } else if (type !== 'UNAUTHENTICATED') {
    throw new WebhookAuthConfigError(`unknown authentication type ${JSON.stringify(type)}`);
  }
}

/** `sha256=<hex>` (or `sha1=<hex>`) as GitHub would send it for `body`. */
export function signGithubBody(secret: string, body: Uint8Array | string, algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;
}

export function header(headers: HeaderValues, name: string): string | readonly string[] | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower && v !== undefined) return v;
  return undefined;
}

export function verifyWebhookDelivery(type: WebhookAuthenticationType, config: WebhookAuthConfiguration, req: WebhookDeliveryRequest): WebhookAuthResult {
  switch (type) {
    case 'UNAUTHENTICATED':
      return { ok: true, method: type };
    case 'GITHUB_HMAC':
      return verifyHmac(config.SecretToken, req);
    case 'IP':
      return verifyIp(config.AllowedIPRange, req.remoteAddress);
  }
}

function verifyHmac(secret: string | undefined, req: WebhookDeliveryRequest): WebhookAuthResult {
  if (!secret) return { ok: false, reason: 'misconfigured', message: 'webhook has GITHUB_HMAC authentication but no SecretToken' };
  const sha256 = header(req.headers, 'x-hub-signature-256');
  const sha1 = header(req.headers, 'x-hub-signature');
  const [algorithm, headerName, value] = sha256 !== undefined ? (['sha256', 'X-Hub-Signature-256', sha256] as const) : (['sha1', 'X-Hub-Signature', sha1] as const);
  if (value === undefined) return { ok: false, reason: 'missing-signature', message: 'no X-Hub-Signature-256 (or X-Hub-Signature) header' };
  if (typeof value !== 'string') return { ok: false, reason: 'malformed-signature', message: `${headerName} appears more than once` };
  const hexLength = algorithm === 'sha256' ? 64 : 40;
  const m = new RegExp(`^${algorithm}=([0-9a-fA-F]{${hexLength}})$`).exec(value.trim());
  if (!m) return { ok: false, reason: 'malformed-signature', message: `${headerName} is not "${algorithm}=" followed by ${hexLength} hex digits` };
  const given = Buffer.from(m[1] as string, 'hex');
  const expected = createHmac(algorithm, secret).update(req.rawBody).digest();
  // Lengths are equal by construction (regex), which timingSafeEqual requires; checked anyway.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature-mismatch', message: `${headerName} does not match the HMAC of the ${req.rawBody.length}-byte body` };
  }
  return { ok: true, method: 'GITHUB_HMAC', detail: algorithm };
}

function verifyIp(allowed: string | undefined, remote: string | undefined): WebhookAuthResult {
  const range = allowed === undefined ? undefined : parseCidr(allowed);
  if (!range) return { ok: false, reason: 'misconfigured', message: `webhook has IP authentication but AllowedIPRange ${JSON.stringify(allowed)} is not a CIDR range` };
  if (remote === undefined) return { ok: false, reason: 'unknown-remote-address', message: 'the remote address of the request is unknown' };
  const inside = ipInRange(remote, range);
  if (inside === undefined) return { ok: false, reason: 'unknown-remote-address', message: `remote address ${JSON.stringify(remote)} is not an IP address` };
  if (!inside) return { ok: false, reason: 'address-not-allowed', message: `remote address ${remote} is outside AllowedIPRange ${allowed ?? ''}` };
  return { ok: true, method: 'IP', detail: remote };
}
