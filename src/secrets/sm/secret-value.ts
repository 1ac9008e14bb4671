import type { Cipher } from '../cipher.js';
import { smError } from './errors.js';
import type { SecretValue, SecretVersionRecord } from './types.js';

/** GCM additional data for a secret version: binds the ciphertext to its secret and version. */
export function valueContext(arn: string, versionId: string): string {
  return `secretsmanager/${arn}#${versionId}`;
}

/** Exactly one of SecretString / SecretBinary, or neither (undefined). */
export function valueFromInput(input: { secretString?: string; secretBinary?: Uint8Array }): SecretValue | undefined {
  if (input.secretString !== undefined && input.secretBinary !== undefined) {
    throw smError('InvalidParameterException', "You can't specify both a binary secret value and a string secret value in the same secret.");
  }
  if (input.secretString !== undefined) return { kind: 'string', text: input.secretString };
  if (input.secretBinary !== undefined) return { kind: 'binary', bytes: Buffer.from(input.secretBinary) };
  return undefined;
}

export function encryptValue(cipher: Cipher, arn: string, versionId: string, value: SecretValue): { isBinary: boolean; valueCipher: Buffer } {
  const plain = value.kind === 'string' ? Buffer.from(value.text, 'utf8') : value.bytes;
  return { isBinary: value.kind === 'binary', valueCipher: cipher.encrypt(plain, valueContext(arn, versionId)) };
}

export function decryptValue(cipher: Cipher, arn: string, v: SecretVersionRecord): SecretValue {
  const plain = cipher.decrypt(v.valueCipher, valueContext(arn, v.versionId));
  return v.isBinary ? { kind: 'binary', bytes: plain } : { kind: 'string', text: plain.toString('utf8') };
}

export function sameValue(a: SecretValue, b: SecretValue): boolean {
  if (a.kind === 'string' && b.kind === 'string') return a.text === b.text;
  if (a.kind === 'binary' && b.kind === 'binary') return a.bytes.equals(b.bytes);
  return false;
}
