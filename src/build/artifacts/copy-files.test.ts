/** packaging NONE: a folder of files with the same selection, order and modes as the zip. */
import assert from 'node:assert/strict';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isAppError } from '../../shared/index.js';
import { copyFiles } from './copy-files.js';
import { resolveArtifactFiles } from './resolve-artifact-files.js';
import { makeTree, removeAll, tempDir } from './test-support.js';

let root = '';
let dest = '';
before(async () => {
  root = await makeTree({ 'bin/tool': { text: '#!/bin/sh\n', mode: 0o755 }, 'a/x.txt': 'a', 'b/x.txt': 'b', 'ln': { link: 'a/x.txt' } });
  dest = await tempDir();
});
after(() => removeAll(root, dest));

test('copyFiles keeps paths, modes and links', async () => {
  await copyFiles(await resolveArtifactFiles({ files: ['**/*'], enableSymlinks: true }, root), join(dest, 'out'));
  assert.equal((await lstat(join(dest, 'out/bin/tool'))).mode & 0o777, 0o755);
  assert.equal(await readFile(join(dest, 'out/a/x.txt'), 'utf8'), 'a');
  assert.equal(await readlink(join(dest, 'out/ln')), 'a/x.txt');
});

test('copyFiles with discard-paths: the last of a name clash wins', async () => {
  await copyFiles(await resolveArtifactFiles({ files: ['a/x.txt', 'b/x.txt'], discardPaths: true }, root), join(dest, 'flat'));
  assert.equal(await readFile(join(dest, 'flat/x.txt'), 'utf8'), 'b');
});

test('copyFiles refuses an archive path that would leave the destination', async () => {
  await assert.rejects(
    copyFiles([{ absPath: join(root, 'a/x.txt'), archivePath: '../escape.txt' }], join(dest, 'bad')),
    (err: unknown) => isAppError(err) && err.code === 'ArchiveEntryUnsafe',
  );
});
