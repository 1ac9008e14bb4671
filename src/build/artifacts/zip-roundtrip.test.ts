/**
 * writeZip → extractZip gives back identical bytes, modes and links; the zip is readable by
 * Python's zipfile and Info-ZIP, and zips they write extract here. Digests match the file.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { extractZip } from './extract-zip.js';
import { resolveArtifactFiles } from './resolve-artifact-files.js';
import { makeTree, removeAll, tempDir } from './test-support.js';
import { writeZip } from './write-zip.js';

let root = '';
let work = '';
const binary = randomBytes(300_000);
before(async () => {
  root = await makeTree({
    'bin/run.sh': { text: '#!/bin/sh\necho hi\n', mode: 0o755 },
    'conf/readonly.cfg': { text: 'ro', mode: 0o444 },
    'empty.txt': '',
    'docs/ünïcødé ñame.txt': 'unicode',
    'current': { link: 'docs' },
  });
  await writeFile(join(root, 'data.bin'), binary);
  work = await tempDir('nagare-zip-');
});
after(() => removeAll(root, work));

async function snapshot(dir: string, paths: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of paths) {
    const info = await lstat(join(dir, p));
    out[p] = info.isSymbolicLink()
      ? `link -> ${await readlink(join(dir, p))}`
      : `${(info.mode & 0o777).toString(8)} ${createHash('sha256').update(await readFile(join(dir, p))).digest('hex')}`;
  }
  return out;
}

test('round trip: bytes, modes and links survive; the digest is the file digest', async () => {
  const files = await resolveArtifactFiles({ files: ['**/*'], enableSymlinks: true }, root);
  const zipPath = join(work, 'out', 'artifact.zip');
  const digest = await writeZip(files, zipPath);
  const bytes = await readFile(zipPath);
  assert.equal(digest.size, bytes.length);
  assert.equal(digest.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(digest.md5, createHash('md5').update(bytes).digest('hex'));
  const dest = join(work, 'extracted');
  assert.deepEqual(await extractZip(zipPath, dest), { files: files.length });
  const paths = files.map((f) => f.archivePath);
  assert.deepEqual(await snapshot(dest, paths), await snapshot(root, paths));
  assert.equal(await readlink(join(dest, 'current')), 'docs');
});

test('round trip from bytes in memory', async () => {
  const files = await resolveArtifactFiles({ files: ['data.bin'] }, root);
  const zipPath = join(work, 'mem.zip');
  await writeZip(files, zipPath);
  await extractZip(new Uint8Array(await readFile(zipPath)), join(work, 'mem'));
  assert.ok(binary.equals(await readFile(join(work, 'mem', 'data.bin'))));
});

test('deterministic: same files and mtime give the same bytes, entries in path order', async () => {
  const files = await resolveArtifactFiles({ files: ['**/*'] }, root);
  const mtime = new Date(2024, 0, 2, 3, 4, 6);
  const a = await writeZip([...files].reverse(), join(work, 'a.zip'), { mtime });
  const b = await writeZip(files, join(work, 'b.zip'), { mtime });
  assert.equal(a.sha256, b.sha256);
  const names = python(`import zipfile,sys; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))`, join(work, 'a.zip')).trim().split('\n');
  assert.deepEqual(names, files.map((f) => f.archivePath));
});

test('a failed write leaves no file and no temp file behind', async () => {
  const dir = join(work, 'failing');
  await assert.rejects(writeZip([{ absPath: join(root, 'missing'), archivePath: 'missing' }], join(dir, 'x.zip')));
  assert.equal(existsSync(join(dir, 'x.zip')), false);
  assert.deepEqual(python(`import os,sys; print(os.listdir(sys.argv[1]))`, dir).trim(), '[]');
});

test("Python's zipfile reads our zip: CRCs, modes, UTF-8 names", async () => {
  const zipPath = join(work, 'py-read.zip');
  await writeZip(await resolveArtifactFiles({ files: ['**/*'] }, root), zipPath);
  const out = python(
    `import zipfile,sys
z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None
for i in z.infolist(): print(i.filename, oct(i.external_attr >> 16))`,
    zipPath,
  );
  assert.match(out, /^bin\/run\.sh 0o100755$/m);
  assert.match(out, /^conf\/readonly\.cfg 0o100444$/m);
  assert.match(out, /^docs\/ünïcødé ñame\.txt 0o100644$/m);
});

test("a zip written by Python's zipfile extracts with its modes", async () => {
  const zipPath = join(work, 'from-python.zip');
  python(
    `import zipfile,sys
z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED)
d=zipfile.ZipInfo('dir/'); d.external_attr=(0o40755<<16)|0x10; z.writestr(d,'')
i=zipfile.ZipInfo('dir/tool'); i.external_attr=0o100750<<16; i.compress_type=zipfile.ZIP_DEFLATED; z.writestr(i,'#!/bin/sh\\n'*100)
z.writestr('stored.txt','plain',compress_type=zipfile.ZIP_STORED)
z.writestr('naïve.txt','utf8')
z.close()`,
    zipPath,
  );
  const dest = join(work, 'py');
  assert.deepEqual(await extractZip(zipPath, dest), { files: 3 });
  assert.equal((await lstat(join(dest, 'dir/tool'))).mode & 0o777, 0o750);
  assert.equal(await readFile(join(dest, 'dir/tool'), 'utf8'), '#!/bin/sh\n'.repeat(100));
  assert.equal(await readFile(join(dest, 'stored.txt'), 'utf8'), 'plain');
  assert.equal(await readFile(join(dest, 'naïve.txt'), 'utf8'), 'utf8');
});

const hasZip = commandExists('zip') && commandExists('unzip');
test('Info-ZIP: `zip -r -y` output extracts (modes, links); `unzip -t` accepts ours', { skip: !hasZip && 'zip/unzip not installed' }, async () => {
  const zipPath = join(work, 'info-zip.zip');
  execFileSync('zip', ['-q', '-r', '-y', zipPath, '.'], { cwd: root });
  const dest = join(work, 'info');
  await extractZip(zipPath, dest);
  const paths = ['bin/run.sh', 'conf/readonly.cfg', 'empty.txt', 'data.bin', 'docs/ünïcødé ñame.txt', 'current'];
  assert.deepEqual(await snapshot(dest, paths), await snapshot(root, paths));
  const ours = join(work, 'for-unzip.zip');
  await writeZip(await resolveArtifactFiles({ files: ['**/*'], enableSymlinks: true }, root), ours);
  assert.match(execFileSync('unzip', ['-t', ours], { encoding: 'utf8' }), /No errors detected/);
});

function python(script: string, ...args: string[]): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
}

function commandExists(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
