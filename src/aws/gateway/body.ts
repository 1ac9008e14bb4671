import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import type { AwsError } from '../protocol/errors.js';

/** Reads a whole (small) request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number, tooLarge: () => AwsError): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Passes bytes through and, at the end, compares their SHA-256 with the signed
 * x-amz-content-sha256; a mismatch fails the stream, so a consumer that stores the body (blob put)
 * discards it instead of publishing a corrupt object.
 */
export function hashVerifier(expectedHex: string, mismatch: (computed: string) => AwsError): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb: TransformCallback) {
      const computed = hash.digest('hex');
      cb(computed === expectedHex.toLowerCase() ? null : mismatch(computed));
    },
  });
}
