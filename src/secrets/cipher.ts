import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../shared/index.js';

/**
 * Encryption at rest for SecureString parameters and secret values: AES-256-GCM with a fresh
 * random 96-bit IV per value. Envelope layout (all stored as one bytea):
 *
 *   [0] format version (1)   [1] key id (0–255)   [2..13] IV   [14..29] GCM tag   [30..] ciphertext
 *
 * The two header bytes and the caller's `context` (e.g. the parameter ARN and version) are the
 * GCM additional data, so a value copied onto another row, or a header byte flipped, fails to
 * decrypt instead of decrypting to the wrong thing. The key id lets a later key rotation keep
 * old keys for decryption (`retiredKeys`) while new values use the current key.
 */
export interface Cipher {
  /** Id byte written into new envelopes. */
  readonly keyId: number;
  encrypt(plaintext: Uint8Array, context: string): Buffer;
  /** Throws AppError `DecryptionFailed` (fault: system) on a wrong key, a tampered envelope or a wrong context. */
  decrypt(envelope: Uint8Array, context: string): Buffer;
}

export interface CipherOptions {
  /** Id of `masterKey` (default 1). */
  keyId?: number;
  /** Earlier keys by id, still accepted for decryption. */
  retiredKeys?: ReadonlyMap<number, Buffer>;
}

export const MASTER_KEY_BYTES = 32;
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 2;
const OVERHEAD = HEADER_BYTES + IV_BYTES + TAG_BYTES;

export function createCipher(masterKey: Buffer, options: CipherOptions = {}): Cipher {
  const keyId = options.keyId ?? 1;
  assertKey(masterKey, keyId);
  const keys = new Map<number, Buffer>();
  for (const [id, key] of options.retiredKeys ?? []) {
    assertKey(key, id);
    keys.set(id, Buffer.from(key));
  }
  keys.set(keyId, Buffer.from(masterKey));

  return {
    keyId,
    encrypt(plaintext, context) {
      const header = Buffer.from([FORMAT_VERSION, keyId]);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.get(keyId) as Buffer, iv);
      cipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
    },
    decrypt(envelope, context) {
      const buf = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
      if (buf.length < OVERHEAD || buf[0] !== FORMAT_VERSION) throw decryptionFailed('unknown envelope format');
      const key = keys.get(buf[1] as number);
      if (!key) throw decryptionFailed(`no key with id ${buf[1]} is configured`);
      const iv = buf.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
      const tag = buf.subarray(HEADER_BYTES + IV_BYTES, OVERHEAD);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.concat([buf.subarray(0, HEADER_BYTES), Buffer.from(context, 'utf8')]));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(buf.subarray(OVERHEAD)), decipher.final()]);
      } catch (err) {
        throw decryptionFailed('authentication failed (wrong master key, or the stored value was altered)', err);
      }
    },
  };
}

function assertKey(key: Buffer, id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > 255) {
    throw new AppError('MasterKeyInvalid', `a master key id must be an integer 0–255, got ${id}`, { fault: 'system' });
  }
  if (!Buffer.isBuffer(key) || key.length !== MASTER_KEY_BYTES) {
    throw new AppError('MasterKeyInvalid', `the master key must be exactly ${MASTER_KEY_BYTES} bytes, got ${key.length}`, { fault: 'system' });
  }
}

function decryptionFailed(why: string, cause?: unknown): AppError {
  return new AppError('DecryptionFailed', `a stored value could not be decrypted: ${why}`, { fault: 'system', cause });
}
