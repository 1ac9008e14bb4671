import { isAppError } from '../../shared/index.js';
import type { BlobInfo } from '../../store/index.js';
import { objectsError } from '../errors.js';
import type { ChecksumAlgorithm, ObjectsDeps, StoredChecksum } from '../types.js';
import { checksumHeader, createChecksummer, isChecksumValue } from './checksums.js';

/** What the client declared about the bytes it sends. */
export interface BodyExpectations {
  /** Content-MD5 header (base64), if sent. */
  contentMd5?: string;
  /** Flexible checksum to compute; `value` is the header's, undefined when it comes as a trailer. */
  checksum?: { algorithm: ChecksumAlgorithm; value?: string };
  /** Trailing headers of an aws-chunked body, read after the body ended. */
  trailers?: () => Record<string, string>;
  maxBytes: number;
}

export interface Ingested {
  blob: BlobInfo;
  checksum: StoredChecksum | null;
}

/** Decodes and validates a Content-MD5 header; InvalidDigest when it is not base64 of 16 bytes. */
export function parseContentMd5(value: string): string {
  const raw = Buffer.from(value, 'base64');
  if (raw.length !== 16 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    throw objectsError('InvalidDigest', 'The Content-MD5 you specified was not valid.', { 'Content-MD5': value });
  }
  return raw.toString('hex');
}

/**
 * Streams a request body into a new blob (bounded memory), computing the flexible checksum on the
 * way, and checks Content-MD5 and the checksum once the body ended cleanly. The blob is returned
 * only when every check passed; otherwise it is deleted (it was never referenced) and the error
 * thrown. A body stream that fails (bad payload signature, client gone) leaves nothing behind.
 */
export async function ingest(deps: Pick<ObjectsDeps, 'blobs'>, body: AsyncIterable<Uint8Array>, exp: BodyExpectations): Promise<Ingested> {
  const md5Hex = exp.contentMd5 === undefined ? undefined : parseContentMd5(exp.contentMd5);
  const alg = exp.checksum?.algorithm;
  if (alg && exp.checksum?.value !== undefined && !isChecksumValue(alg, exp.checksum.value)) {
    throw objectsError('InvalidRequest', `Value for ${checksumHeader(alg)} header is invalid.`);
  }
  const summer = alg ? createChecksummer(alg) : undefined;
  async function* tap(): AsyncIterable<Uint8Array> {
    for await (const chunk of body) {
      summer?.update(chunk);
      yield chunk;
    }
  }
  let blob: BlobInfo;
  try {
    blob = await deps.blobs.put(summer ? tap() : body, { maxBytes: exp.maxBytes });
  } catch (err) {
    if (isAppError(err) && err.code === 'BlobTooLarge') {
      throw objectsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { MaxSizeAllowed: exp.maxBytes });
    }
    throw err;
  }
  try {
    if (md5Hex !== undefined && md5Hex !== blob.md5) {
      throw objectsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', {
        ExpectedDigest: md5Hex,
        CalculatedDigest: Buffer.from(blob.md5, 'hex').toString('base64'),
      });
    }
    let checksum: StoredChecksum | null = null;
    if (alg && summer) {
      const computed = summer.digest().toString('base64');
      const expected = exp.checksum?.value ?? exp.trailers?.()[checksumHeader(alg)];
      if (expected !== undefined && expected !== computed) {
        throw objectsError('BadDigest', `The ${alg} you specified did not match the calculated checksum.`);
      }
      checksum = { algorithm: alg, value: computed, type: 'FULL_OBJECT' };
    }
    return { blob, checksum };
  } catch (err) {
    await deps.blobs.delete(blob.id).catch(() => undefined);
    throw err;
  }
}
