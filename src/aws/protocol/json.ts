import type { ServerResponse } from 'node:http';
import { AwsError } from './errors.js';

/** JSON 1.0/1.1 envelopes (awsJson protocols). */
export function writeJson(res: ServerResponse, status: number, body: unknown, requestId: string, jsonVersion = '1.1'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': `application/x-amz-json-${jsonVersion}`,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
  });
  res.end(text);
}

/**
 * `{"__type": code, "message": text}`. SSM's and a few other services' models name the member
 * `Message` (capital M); SDKs accept both, so we send the one the model declares.
 */
export function writeJsonError(res: ServerResponse, err: AwsError, requestId: string, messageKey = 'message', jsonVersion = '1.1'): void {
  const body: Record<string, unknown> = { __type: err.code, [messageKey]: err.message, ...err.extra };
  res.setHeader('x-amzn-errortype', err.code);
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  writeJson(res, err.status, body, requestId, jsonVersion);
}

/** Parses a JSON request body; AWS answers malformed JSON with SerializationException. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.', 400);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AwsError('SerializationException', 'Start of structure or map expected in request body.', 400);
  }
  return value as Record<string, unknown>;
}
