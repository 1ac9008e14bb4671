/** extractZip on damaged or unsupported input: AppErrors with stable codes, never a crash. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { isAppError } from '../../shared/index.js';
import { extractZip } from './extract-zip.js';
import { craftZip, removeAll, tempDir } from './test-support.js';

let dir = '';
beforeEach(async () => {
  dir = await tempDir('nagare-extract-');
});
afterEach(() => removeAll(dir));

const code = (expected: string) => (err: unknown) => isAppError(err) && err.code === expected;

function payloadZip(level: 0 | 6): Uint8Array {
  return zipSync({ 'a.txt': [strToU8('hello hello hello hello'), { level }] });
}

test('not a zip at all', async () => {
  await assert.rejects(extractZip(strToU8('just text'), join(dir, 'd')), code('ArchiveCorrupt'));
  await assert.rejects(extractZip(new Uint8Array(0), join(dir, 'd')), code('ArchiveCorrupt'));
});

test('a truncated zip', async () => {
  const zip = payloadZip(6);
  await assert.rejects(extractZip(zip.subarray(0, zip.length - 30), join(dir, 'd')), code('ArchiveCorrupt'));
});

test('a flipped data byte fails the CRC-32 check', async () => {
  const zip = payloadZip(0).slice();
  const at = 30 + 'a.txt'.length; // first byte of the stored data
  zip[at] = zip[at]! ^ 0xff;
  await assert.rejects(extractZip(zip, join(dir, 'd')), code('ArchiveCorrupt'));
});

test('an entry inflating past its declared size is stopped', async () => {
  const zip = zipSync({ 'bomb.txt': [new Uint8Array(100_000), { level: 9 }] }).slice();
  const cd = findCentral(zip);
  new DataView(zip.buffer).setUint32(cd + 24, 10, true); // uncompressed size: 10 bytes
  await assert.rejects(extractZip(zip, join(dir, 'd')), code('ArchiveCorrupt'));
});

test('maxBytes refuses an archive before writing', async () => {
  await assert.rejects(extractZip(zipSync({ big: new Uint8Array(5000) }), join(dir, 'd'), { maxBytes: 1000 }), code('ArchiveTooLarge'));
});

test('an encrypted entry is unsupported', async () => {
  const zip = payloadZip(0).slice();
  const cd = findCentral(zip);
  new DataView(zip.buffer).setUint16(cd + 8, 1, true);
  await assert.rejects(extractZip(zip, join(dir, 'd')), code('ArchiveUnsupported'));
});

test('a later entry replaces an earlier file of the same name; a file over a directory is a conflict', async () => {
  const dup = concatZips([{ name: 'x.txt', data: 'first' }], [{ name: 'x.txt', data: 'second' }]);
  await extractZip(dup, join(dir, 'd'));
  assert.equal(await readFile(join(dir, 'd', 'x.txt'), 'utf8'), 'second');
  await assert.rejects(extractZip(craftZip([{ name: 'a/b', data: '1' }, { name: 'a', data: '2' }]), join(dir, 'e')), code('ArchiveEntryConflict'));
});

function findCentral(zip: Uint8Array): number {
  for (let i = 0; i < zip.length - 4; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) return i;
  }
  throw new Error('no central directory');
}

/** Two entries with the same name: fflate's object input cannot express that, so join two zips' records. */
function concatZips(...parts: Array<Array<{ name: string; data: string }>>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entries of parts) {
    const zip = craftZip(entries);
    const cd = findCentral(zip);
    const eocd = zip.length - 22;
    const central = zip.slice(cd, eocd);
    new DataView(central.buffer).setUint32(42, new DataView(central.buffer).getUint32(42, true) + offset, true);
    locals.push(zip.subarray(0, cd));
    centrals.push(central);
    offset += cd;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, centrals.length, true);
  v.setUint16(10, centrals.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}
