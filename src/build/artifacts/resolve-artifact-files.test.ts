/**
 * resolveArtifactFiles against spec A.12: the documented glob forms, the base-directory examples
 * from the buildspec reference, exclude-paths, discard-paths and the zero-match CLIENT_ERROR.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { isAppError } from '../../shared/index.js';
import { resolveArtifactFiles } from './resolve-artifact-files.js';
import { makeTree, removeAll } from './test-support.js';
import type { ArtifactSelection } from './types.js';

let root = '';
before(async () => {
  root = await makeTree({
    'my-build1/my-file1.txt': '1',
    'my-build2/my-file2.txt': '2',
    'my-build2/my-subdirectory/my-file3.txt': '3',
    'dist/app.js': 'app',
    'dist/.env': 'env',
    'dist/sub/inner.js': 'inner',
    '.ebextensions/options.config': 'eb',
    'target/app.jar': 'jar',
    'target/app.war': 'war',
    'README.md': 'readme',
    'node_modules/pkg/index.js': 'pkg',
    'a/same.txt': 'from a',
    'b/same.txt': 'from b',
  });
});
after(() => removeAll(root));

const ALL = [
  '.ebextensions/options.config', 'README.md', 'a/same.txt', 'b/same.txt', 'dist/.env', 'dist/app.js', 'dist/sub/inner.js',
  'my-build1/my-file1.txt', 'my-build2/my-file2.txt', 'my-build2/my-subdirectory/my-file3.txt', 'node_modules/pkg/index.js',
  'target/app.jar', 'target/app.war',
];

const cases: Array<[name: string, spec: ArtifactSelection, expected: string[]]> = [
  ["'**/*' is every file, dotfiles and dot-directories included", { files: ['**/*'] }, ALL],
  ['A.12 example 1: */my-file3.txt inside base-directory my-build2', { files: ['*/my-file3.txt'], baseDirectory: 'my-build2' }, ['my-subdirectory/my-file3.txt']],
  ["A.12 example 2: base-directory 'my-build*' merges both, discard-paths flattens", { files: ['**/*'], baseDirectory: 'my-build*', discardPaths: true }, ['my-file1.txt', 'my-file2.txt', 'my-file3.txt']],
  ['base-directory glob without discard-paths: paths relative to each base', { files: ['**/*'], baseDirectory: 'my-build*' }, ['my-file1.txt', 'my-file2.txt', 'my-subdirectory/my-file3.txt']],
  ['dir/* is the files directly in dir', { files: ['dist/*'] }, ['dist/.env', 'dist/app.js']],
  ['dir/**/* is everything below dir', { files: ['dist/**/*'] }, ['dist/.env', 'dist/app.js', 'dist/sub/inner.js']],
  ['a single file keeps its path', { files: ['target/app.jar'] }, ['target/app.jar']],
  ['a single file with discard-paths lands at the root', { files: ['target/app.jar'], discardPaths: true }, ['app.jar']],
  ['several entries, one missing: the others still count', { files: ['README.md', 'missing.txt'] }, ['README.md']],
  ['exclude-paths with ** and a suffix glob', { files: ['**/*'], excludePaths: ['node_modules/**/*', '**/*.war', '.*/**/*'] },
    ALL.filter((p) => !p.startsWith('node_modules/') && !p.endsWith('.war') && !p.startsWith('.ebextensions/'))],
  ['exclude-paths naming a directory drops what is below it', { files: ['**/*'], excludePaths: ['node_modules', 'my-build*'] },
    ALL.filter((p) => !p.startsWith('node_modules/') && !p.startsWith('my-build'))],
  ['exclude-paths * stays inside one segment', { files: ['dist/**/*'], excludePaths: ['dist/*.js'] }, ['dist/.env', 'dist/sub/inner.js']],
  ['exclude-paths are relative to base-directory', { files: ['**/*'], baseDirectory: 'dist', excludePaths: ['sub/**/*'] }, ['.env', 'app.js']],
  ['discard-paths name clash: the later file wins', { files: ['a/same.txt', 'b/same.txt'], discardPaths: true }, ['same.txt']],
  ['the same file matched twice appears once', { files: ['dist/*.js', 'dist/app.js'] }, ['dist/app.js']],
  ['./ prefixes are ignored', { files: ['./target/*.jar'] }, ['target/app.jar']],
  ['.. that stays inside the root is fine', { files: ['dist/../README.md'] }, ['README.md']],
];

for (const [name, spec, expected] of cases) {
  test(`resolve: ${name}`, async () => {
    const files = await resolveArtifactFiles(spec, root);
    assert.deepEqual(files.map((f) => f.archivePath), expected);
    for (const f of files) assert.ok(f.absPath.startsWith('/'));
  });
}

test('resolve: discard-paths clash keeps the content of the last match', async () => {
  const [file] = await resolveArtifactFiles({ files: ['a/same.txt', 'b/same.txt'], discardPaths: true }, root);
  assert.equal(await readFile(file!.absPath, 'utf8'), 'from b');
});

const noMatch: Array<[name: string, spec: ArtifactSelection, message: string]> = [
  ['nothing matches', { files: ['missing/**/*'] }, 'no matching artifact paths found'],
  ['a bare directory selects nothing (the documented form is dir/**/*)', { files: ['dist'] }, 'no matching artifact paths found'],
  ['everything excluded', { files: ['target/*'], excludePaths: ['**/*'] }, 'no matching artifact paths found'],
  ['empty files list', { files: [] }, 'no matching artifact paths found'],
  ['../ out of the root is skipped', { files: ['../*'] }, 'no matching artifact paths found'],
  ['an absolute path outside the root is skipped', { files: ['/etc/passwd'] }, 'no matching artifact paths found'],
  ['a glob climbing with .. after a wildcard is refused', { files: ['*/../../*'] }, 'no matching artifact paths found'],
  ['a missing base-directory', { files: ['**/*'], baseDirectory: 'cdk.out' }, 'no matching base directory path found for cdk.out'],
  ['a base-directory outside the root', { files: ['**/*'], baseDirectory: '/etc' }, 'no matching base directory path found for /etc'],
  ['a base-directory that is a file', { files: ['**/*'], baseDirectory: 'README.md' }, 'no matching base directory path found for README.md'],
];

for (const [name, spec, message] of noMatch) {
  test(`resolve fails with ArtifactsNoMatch: ${name}`, async () => {
    await assert.rejects(resolveArtifactFiles(spec, root), (err: unknown) => isAppError(err) && err.code === 'ArtifactsNoMatch' && err.message === message);
  });
}

test('resolve: an absolute path inside the root (an expanded $CODEBUILD_SRC_DIR) is relative to the base', async () => {
  const files = await resolveArtifactFiles({ files: [`${root}/target/app.jar`], baseDirectory: `${root}/target` }, root);
  assert.deepEqual(files.map((f) => f.archivePath), ['app.jar']);
});

test('resolve: logs the agent lines of UPLOAD_ARTIFACTS', async () => {
  const lines: string[] = [];
  await resolveArtifactFiles({ files: ['README.md', 'nope.txt'] }, root, { onLog: (l) => lines.push(l) });
  assert.deepEqual(lines, [
    'Expanding base directory path: .', 'Assembling file list', 'Expanding .', 'Expanding file paths for base directory .',
    'Assembling file list', 'Expanding README.md', 'Expanding nope.txt', 'Skipping invalid file path nope.txt', 'Found 1 file(s)',
  ]);
});
