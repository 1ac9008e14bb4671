import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checksumOf, compositeChecksum, isChecksumValue } from './checksums.js';

const CHECK = Buffer.from('123456789');

test('check values of every algorithm ("123456789")', () => {
  const hex = (alg: Parameters<typeof checksumOf>[0]) => Buffer.from(checksumOf(alg, CHECK), 'base64').toString('hex');
  assert.equal(hex('CRC32'), 'cbf43926');
  assert.equal(hex('CRC32C'), 'e3069283');
  assert.equal(hex('CRC64NVME'), 'ae8b14860a799888');
  assert.equal(hex('SHA1'), 'f7c3bc1d808e04732adf679965ccc34ca7ae3441');
});

test('streaming in pieces gives the same value', async () => {
  const { createChecksummer } = await import('./checksums.js');
  for (const alg of ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA256'] as const) {
    const c = createChecksummer(alg);
    c.update(CHECK.subarray(0, 3));
    c.update(CHECK.subarray(3));
    assert.equal(c.digest().toString('base64'), checksumOf(alg, CHECK), alg);
  }
});

test('composite checksum and value shape', () => {
  const a = checksumOf('CRC32', Buffer.from('a'));
  const b = checksumOf('CRC32', Buffer.from('b'));
  assert.match(compositeChecksum('CRC32', [a, b]), /^[A-Za-z0-9+/]{6}==-2$/);
  assert.equal(isChecksumValue('CRC32', a), true);
  assert.equal(isChecksumValue('CRC32', 'AAAA'), false);
  assert.equal(isChecksumValue('SHA256', a), false);
});
