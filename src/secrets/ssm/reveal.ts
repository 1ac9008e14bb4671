import type { Cipher } from '../cipher.js';
import type { Scope } from '../scope.js';
import { parameterArn } from './parameter-name.js';
import type { ParameterRecord, ParameterView } from './types.js';

/** GCM additional data for a SecureString version: binds the ciphertext to its row. */
export function valueContext(scope: Scope, nameKey: string, version: number): string {
  return `ssm-parameter/${scope.accountId}/${scope.region}/${nameKey}#${version}`;
}

/**
 * The value as a caller sees it. A SecureString read without WithDecryption yields the stored
 * ciphertext envelope, base64-encoded (AWS likewise returns its ciphertext blob): opaque, never
 * the plaintext, and not decryptable without the server's master key.
 */
export function revealValue(rec: ParameterRecord, scope: Scope, cipher: Cipher, withDecryption: boolean): string {
  if (rec.type !== 'SecureString') return rec.valueText ?? '';
  const envelope = rec.valueCipher ?? Buffer.alloc(0);
  if (!withDecryption) return envelope.toString('base64');
  return cipher.decrypt(envelope, valueContext(scope, rec.nameKey, rec.version)).toString('utf8');
}

export function toView(rec: ParameterRecord, scope: Scope, cipher: Cipher, withDecryption: boolean, selector?: string): ParameterView {
  const { valueText: _t, valueCipher: _c, ...meta } = rec;
  const view: ParameterView = { ...meta, value: revealValue(rec, scope, cipher, withDecryption), arn: parameterArn(scope, rec.name) };
  if (selector !== undefined) view.selector = selector;
  return view;
}
