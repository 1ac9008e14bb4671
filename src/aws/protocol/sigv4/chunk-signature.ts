import { EMPTY_SHA256, sha256Hex } from './canonical-request.js';
import { signHex } from './signing-key.js';

/**
 * Chained signatures of an aws-chunked body (S3 "Signature Calculations … Chunked Upload"). Each
 * chunk's string to sign embeds the previous signature, starting from the request's seed signature,
 * so chunks can be neither reordered nor dropped:
 *
 *   AWS4-HMAC-SHA256-PAYLOAD \n amzDate \n scope \n previous \n sha256("") \n sha256(chunk data)
 *
 * The trailer chunk (…-PAYLOAD-TRAILER) chains from the final zero-length chunk's signature:
 *
 *   AWS4-HMAC-SHA256-TRAILER \n amzDate \n scope \n previous \n sha256(canonical trailers)
 *
 * where the canonical trailers are `name:value\n` per trailing header, in the order sent.
 */

export interface ChunkSigningContext {
  amzDate: string;
  scope: string;
  signingKey: Buffer;
}

export function chunkStringToSign(ctx: ChunkSigningContext, previous: string, dataSha256: string): string {
  return `AWS4-HMAC-SHA256-PAYLOAD\n${ctx.amzDate}\n${ctx.scope}\n${previous}\n${EMPTY_SHA256}\n${dataSha256}`;
}

export function canonicalTrailers(trailers: ReadonlyArray<readonly [string, string]>): string {
  return trailers.map(([name, value]) => `${name}:${value}\n`).join('');
}

export function trailerStringToSign(ctx: ChunkSigningContext, previous: string, trailers: ReadonlyArray<readonly [string, string]>): string {
  return `AWS4-HMAC-SHA256-TRAILER\n${ctx.amzDate}\n${ctx.scope}\n${previous}\n${sha256Hex(canonicalTrailers(trailers))}`;
}

/** Signature of one chunk; also used by tests to build signed bodies. */
export function signChunk(ctx: ChunkSigningContext, previous: string, data: Uint8Array): string {
  return signHex(ctx.signingKey, chunkStringToSign(ctx, previous, sha256Hex(data)));
}

export function signTrailer(ctx: ChunkSigningContext, previous: string, trailers: ReadonlyArray<readonly [string, string]>): string {
  return signHex(ctx.signingKey, trailerStringToSign(ctx, previous, trailers));
}
