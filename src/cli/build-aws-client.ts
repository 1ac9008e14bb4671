/**
 * A minimal signed JSON 1.1 client (X-Amz-Target) for the CLI's calls to a running nagare:
 * `nagare build` (ssm:GetParameters, secretsmanager:GetSecretValue) and `nagare pipeline watch`
 * (codepipeline reads). Service errors become AppErrors carrying AWS's error code, HTTP status and
 * request id; a connection problem, an abort or a timeout rejects with fetch's own error.
 */
import { AppError } from '../shared/index.js';
import { signRequest } from './build-sigv4.js';
import type { Credentials } from './build-sigv4.js';

export interface AwsJsonClientOptions {
  endpoint: string;
  region: string;
  credentials: Credentials;
  now?: () => Date;
  /** Aborts every request in flight (e.g. Ctrl+C). */
  signal?: AbortSignal;
  /** Per-request time limit; none by default. */
  timeoutMs?: number;
}

export type AwsJsonCall = (service: string, target: string, body: Record<string, unknown>) => Promise<Record<string, unknown>>;

export function awsJsonClient(options: AwsJsonClientOptions): AwsJsonCall {
  const now = options.now ?? ((): Date => new Date());
  return async (service, target, payload) => {
    const url = new URL(options.endpoint);
    const body = JSON.stringify(payload);
    const headers = signRequest({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body,
      region: options.region,
      service,
      credentials: options.credentials,
      date: now(),
    });
    delete headers.host; // fetch sets Host itself, to the same value
    const signals = [options.signal, options.timeoutMs !== undefined ? AbortSignal.timeout(options.timeoutMs) : undefined].filter((x): x is AbortSignal => x !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const res = await fetch(url, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
    const text = await res.text();
    const json = parse(text);
    if (res.ok) return json;
    const type = stringOf(json.__type) ?? stringOf(json.code) ?? 'UnknownError';
    const code = type.includes('#') ? type.slice(type.lastIndexOf('#') + 1) : type;
    const message = stringOf(json.message) ?? stringOf(json.Message) ?? text;
    throw new AppError(code, message, { details: { statusCode: res.status, requestId: res.headers.get('x-amzn-requestid') ?? '' } });
  };
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
