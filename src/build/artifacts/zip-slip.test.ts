/**
 * extractZip refuses hostile archives whole (AppError 'ArchiveEntryUnsafe') and writes nothing,
 * inside or outside the destination: `..`, absolute names, drive letters, backslash tricks,
 * symlinks leading out (directly or through other links in the archive), and entries written
 * through a symlink — the archive's own or one already in the destination.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { isAppError } from '../../shared/index.js';
import { extractZip } from './extract-zip.js';
import { craftZip, removeAll, tempDir } from './test-support.js';
import type { CraftedEntry } from './test-support.js';

let sandbox = '';
let dest = '';
beforeEach(async () => {
  sandbox = await tempDir('nagare-zipslip-');
  dest = join(sandbox, 'dest');
});
afterEach(() => removeAll(sandbox));

const hostile: Array<[name: string, entries: CraftedEntry[]]> = [
  ['../evil', [{ name: 'ok.txt', data: 'fine' }, { name: '../evil', data: 'x' }]],
  ['/abs', [{ name: '/abs', data: 'x' }]],
  ['a/../../evil', [{ name: 'a/../../evil', data: 'x' }]],
  ['a/.. inside but still refused', [{ name: 'a/../b', data: 'x' }]],
  ['a drive letter', [{ name: 'C:\\evil', data: 'x' }]],
  ['a drive-relative name', [{ name: 'C:evil', data: 'x' }]],
  ['backslash dot-dot', [{ name: '..\\evil', data: 'x' }]],
  ['a UNC path', [{ name: '\\\\server\\share\\evil', data: 'x' }]],
  ['a NUL byte', [{ name: 'evil\0.txt', data: 'x' }]],
  ['a symlink to ../outside', [{ name: 'link', link: '../outside' }]],
  ['a symlink to an absolute path', [{ name: 'link', link: '/etc/passwd' }]],
  ['a symlink to a drive path', [{ name: 'link', link: 'C:\\Windows' }]],
  ['a nested symlink climbing out', [{ name: 'a/b/link', link: '../../../x' }]],
  ['a file written through a symlink entry', [{ name: 'link', link: 'sub' }, { name: 'sub/keep', data: 'k' }, { name: 'link/evil', data: 'x' }]],
  ['a link escaping through another link (d -> ., d2/x -> ../d/..)', [{ name: 'd', link: '.' }, { name: 'd2/x', link: '../d/../..' }]],
  ['a link chain that ends outside', [{ name: 'a', link: 'b' }, { name: 'b', link: '../out' }]],
  ['a link loop', [{ name: 'a', link: 'b' }, { name: 'b', link: 'a' }, { name: 'c', link: 'a/x' }]],
];

for (const [name, entries] of hostile) {
  test(`zip-slip: ${name} is refused and nothing is written`, async () => {
    await assert.rejects(extractZip(craftZip(entries), dest), (err: unknown) => isAppError(err) && err.code === 'ArchiveEntryUnsafe');
    assert.deepEqual(await readdir(sandbox), []);
  });
}

test('zip-slip: a symlink already in the destination is not written through', async () => {
  const outside = join(sandbox, 'outside');
  await mkdir(outside);
  await mkdir(dest);
  await symlink(outside, join(dest, 'pre'));
  await assert.rejects(extractZip(craftZip([{ name: 'pre/evil', data: 'x' }]), dest), (err: unknown) => isAppError(err) && err.code === 'ArchiveEntryUnsafe');
  assert.deepEqual(await readdir(outside), []);
});

test('zip-slip: a link redirected by a symlink already in the destination is removed and refused', async () => {
  const outside = join(sandbox, 'outside');
  await mkdir(outside);
  await mkdir(dest);
  await symlink(outside, join(dest, 'pre'));
  await assert.rejects(extractZip(craftZip([{ name: 'x', link: 'pre' }]), dest), (err: unknown) => isAppError(err) && err.code === 'ArchiveEntryUnsafe');
  assert.deepEqual((await readdir(dest)).sort(), ['pre']);
});

test('zip-slip: safe links (inside, through other inside links) are created', async () => {
  const result = await extractZip(craftZip([
    { name: 'sub/file.txt', data: 'f' },
    { name: 'to-sub', link: 'sub' },
    { name: 'sub/up', link: '../sub/file.txt' },
    { name: 'via', link: 'to-sub/file.txt' },
  ]), dest);
  assert.equal(result.files, 4);
});
