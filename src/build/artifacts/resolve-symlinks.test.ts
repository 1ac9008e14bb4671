/**
 * Symlinks and absolute paths in artifact selection: internal links are followed (or kept with
 * enable-symlinks, spec A.12); links leading out of the build directory never are; absolute
 * paths work only inside an allowed root (corpus 036's `/tmp/build.json`).
 */
import assert from 'node:assert/strict';
import { readFile, realpath } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { resolveArtifactFiles } from './resolve-artifact-files.js';
import { makeTree, removeAll, tempDir } from './test-support.js';

let root = '';
let outside = '';
before(async () => {
  outside = await makeTree({ 'secret.txt': 'secret', 'build.json': '{"tag":"abc"}', 'dir/x.txt': 'x' });
  root = await makeTree({
    'real/file.txt': 'real',
    'real/nested/deep.txt': 'deep',
    'link-to-file': { link: 'real/file.txt' },
    'link-to-dir': { link: 'real' },
    'escape-file': { link: `${outside}/secret.txt` },
    'escape-relative': { link: '../../../../../../../../etc/hostname' },
    'escape-dir': { link: outside },
    'dangling': { link: 'does-not-exist' },
  });
});
after(() => removeAll(root, outside));

test('a link to a file inside the root is followed: its bytes, under the link name', async () => {
  const files = await resolveArtifactFiles({ files: ['link-to-file'] }, root);
  assert.deepEqual(files.map((f) => f.archivePath), ['link-to-file']);
  assert.equal(await readFile(files[0]!.absPath, 'utf8'), 'real');
  assert.equal(files[0]!.symlink, undefined);
});

test("'**/*' does not descend into a linked directory and skips links leading outside", async () => {
  const lines: string[] = [];
  const files = await resolveArtifactFiles({ files: ['**/*'] }, root, { onLog: (l) => lines.push(l) });
  assert.deepEqual(files.map((f) => f.archivePath), ['link-to-file', 'real/file.txt', 'real/nested/deep.txt']);
  assert.ok(lines.includes('Skipping symbolic link escape-file: its target is outside the build directory'));
  assert.ok(lines.includes('Skipping symbolic link dangling: its target does not exist'));
  assert.ok(lines.includes('Skipping symbolic link link-to-dir: it does not point to a regular file'));
});

test('enable-symlinks keeps internal links as relative links, still skipping escaping ones', async () => {
  const files = await resolveArtifactFiles({ files: ['**/*'], enableSymlinks: true }, root);
  const links = Object.fromEntries(files.filter((f) => f.symlink !== undefined).map((f) => [f.archivePath, f.symlink]));
  assert.deepEqual(links, { 'link-to-dir': 'real', 'link-to-file': 'real/file.txt' });
  assert.ok(!files.some((f) => f.archivePath.startsWith('escape')));
});

test('a literal path through a linked directory inside the root works', async () => {
  const files = await resolveArtifactFiles({ files: ['link-to-dir/nested/*'] }, root);
  assert.deepEqual(files.map((f) => f.archivePath), ['link-to-dir/nested/deep.txt']);
  assert.equal(files[0]!.absPath, await realpath(`${root}/real/nested/deep.txt`));
});

test('a pattern through a link leading outside matches nothing', async () => {
  await assert.rejects(resolveArtifactFiles({ files: ['escape-dir/*'] }, root), /no matching artifact paths found/);
  await assert.rejects(resolveArtifactFiles({ files: ['**/*'], baseDirectory: 'escape-dir' }, root), /no matching base directory path found for escape-dir/);
});

test('an absolute path into an allowed root works; with discard-paths it lands at the root (corpus 036)', async () => {
  const opts = { allowedRoots: [outside] };
  const flat = await resolveArtifactFiles({ files: [`${outside}/build.json`], discardPaths: true }, root, opts);
  assert.deepEqual(flat.map((f) => f.archivePath), ['build.json']);
  const kept = await resolveArtifactFiles({ files: [`${outside}/dir/*`] }, root, opts);
  assert.deepEqual(kept.map((f) => f.archivePath), [`${outside.slice(1)}/dir/x.txt`]);
  const based = await resolveArtifactFiles({ files: ['**/*'], baseDirectory: outside }, root, opts);
  assert.deepEqual(based.map((f) => f.archivePath), ['build.json', 'dir/x.txt', 'secret.txt']);
});

test('an allowed root does not open its parent', async () => {
  const sub = await tempDir();
  try {
    await assert.rejects(resolveArtifactFiles({ files: [`${outside}/*`] }, root, { allowedRoots: [sub] }), /no matching artifact paths found/);
  } finally {
    await removeAll(sub);
  }
});
