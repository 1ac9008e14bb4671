import { createHash, type Hash } from 'node:crypto';
import type { ChecksumAlgorithm } from '../types.js';
import { crc32, crc32c, crc64nvme } from './crc.js';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'SHA1', 'SHA256', 'CRC64NVME'];

export function parseChecksumAlgorithm(value: string | undefined): ChecksumAlgorithm | undefined {
  if (value === undefined) return undefined;
  const v = value.toUpperCase();
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(v) ? (v as ChecksumAlgorithm) : undefined;
}

/** The header (and trailer) that carries an algorithm's value: x-amz-checksum-crc32 etc. */
export function checksumHeader(alg: ChecksumAlgorithm): string {
  return `x-amz-checksum-${alg.toLowerCase()}`;
}

/** Raw digest length in bytes, to validate a base64 value's shape. */
export function checksumLength(alg: ChecksumAlgorithm): number {
  switch (alg) {
    case 'CRC32':
    case 'CRC32C':
      return 4;
    case 'CRC64NVME':
      return 8;
    case 'SHA1':
      return 20;
    case 'SHA256':
      return 32;
  }
}

export interface Checksummer {
  update(chunk: Uint8Array): void;
  /** The raw digest bytes. */
  digest(): Buffer;
}

export function createChecksummer(alg: ChecksumAlgorithm): Checksummer {
  switch (alg) {
    case 'CRC32':
    case 'CRC32C': {
      const fn = alg === 'CRC32' ? crc32 : crc32c;
      let crc = 0;
      return {
        update: (chunk) => void (crc = fn(crc, chunk)),
        digest: () => {
          const b = Buffer.alloc(4);
          b.writeUInt32BE(crc >>> 0);
          return b;
        },
      };
    }
    case 'CRC64NVME': {
      let state: [number, number] = [0, 0];
      return {
        update: (chunk) => void (state = crc64nvme(state, chunk)),
        digest: () => {
          const b = Buffer.alloc(8);
          b.writeUInt32BE(state[0], 0);
          b.writeUInt32BE(state[1], 4);
          return b;
        },
      };
    }
    case 'SHA1':
    case 'SHA256': {
      const h: Hash = createHash(alg === 'SHA1' ? 'sha1' : 'sha256');
      return { update: (chunk) => void h.update(chunk), digest: () => h.digest() };
    }
  }
}

export function checksumOf(alg: ChecksumAlgorithm, data: Uint8Array): string {
  const c = createChecksummer(alg);
  c.update(data);
  return c.digest().toString('base64');
}

/** True when `value` is base64 of exactly the algorithm's digest length. */
export function isChecksumValue(alg: ChecksumAlgorithm, value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  return Buffer.from(value, 'base64').length === checksumLength(alg) && Buffer.from(value, 'base64').toString('base64') === value;
}

/**
 * S3's composite multipart checksum: the checksum of the concatenated raw part checksums,
 * suffixed with `-<number of parts>`.
 */
export function compositeChecksum(alg: ChecksumAlgorithm, partValues: readonly string[]): string {
  const c = createChecksummer(alg);
  for (const v of partValues) c.update(Buffer.from(v, 'base64'));
  return `${c.digest().toString('base64')}-${partValues.length}`;
}
