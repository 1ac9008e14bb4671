import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { buildspec, cli, createProject, logMessages, phase, phaseSummary, startBuild, waitForBuild } from '../support/codebuild-harness.js';

/**
 * Where builds get their code and where their output goes, through the real AWS CLI v2: an S3 zip
 * uploaded with `aws s3 cp` (and an older version of it), a local git repository at a branch, a
 * tag and a commit, a secondary source, and S3 artifacts as a zip at `path/<build-id>/name`
 * (spec A.12, A.14, B.3).
 */

let nagare: NagareHandle;
let c: ReturnType<typeof cli>;
let work: string;
let repo: string;
const commits: Record<string, string> = {};

const SOURCE_SPEC = buildspec([
  'version: 0.2',
  'phases:',
  '  build:',
  '    commands:',
  '      - echo "content=$(cat app.txt)"',
  '      - echo "repo=$CODEBUILD_SOURCE_REPO_URL version=$CODEBUILD_SOURCE_VERSION resolved=$CODEBUILD_RESOLVED_SOURCE_VERSION"',
  '      - if [ -n "$CODEBUILD_SRC_DIR_extra" ]; then echo "extra=$(cat $CODEBUILD_SRC_DIR_extra/extra.txt)"; fi',
  '      - mkdir -p dist/sub && cp app.txt dist/app.txt && echo nested > dist/sub/n.txt',
  'artifacts:',
  '  base-directory: dist',
  '  files:',
  "    - '**/*'",
]);

function zip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, encoding: 'utf8' }).trim();
}

before(async () => {
  nagare = await startNagare();
  c = cli(nagare.endpoint);
  work = await mkdtemp(join(tmpdir(), 'nagare-cb-src-'));
  repo = join(work, 'repo');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  await writeFile(join(repo, 'buildspec.yml'), SOURCE_SPEC);
  await writeFile(join(repo, 'app.txt'), 'one');
  git('add', '.');
  git('commit', '-q', '-m', 'one');
  commits.one = git('rev-parse', 'HEAD');
  git('tag', 'v1');
  await writeFile(join(repo, 'app.txt'), 'two');
  git('commit', '-q', '-am', 'two');
  commits.two = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'feature');
  await writeFile(join(repo, 'app.txt'), 'feat');
  git('commit', '-q', '-am', 'feat');
  git('checkout', '-q', 'main');

  await writeFile(join(work, 'v1.zip'), zip({ 'buildspec.yml': SOURCE_SPEC, 'app.txt': 's3-v1' }));
  await writeFile(join(work, 'v2.zip'), zip({ 'buildspec.yml': SOURCE_SPEC, 'app.txt': 's3-v2' }));
  await writeFile(join(work, 'extra.zip'), zip({ 'extra.txt': 'from-the-secondary-source' }));
  await Promise.all([c.ok('s3', 'mb', 's3://cb-src'), c.ok('s3', 'mb', 's3://cb-out')]);
  await c.ok('s3api', 'put-bucket-versioning', '--bucket', 'cb-src', '--versioning-configuration', 'Status=Enabled');
  await c.ok('s3', 'cp', join(work, 'v1.zip'), 's3://cb-src/app/source.zip');
  await Promise.all([c.ok('s3', 'cp', join(work, 'v2.zip'), 's3://cb-src/app/source.zip'), c.ok('s3', 'cp', join(work, 'extra.zip'), 's3://cb-src/extra.zip')]);
  await Promise.all([
    createProject(nagare.endpoint, {
      name: 's3-source',
      source: { type: 'S3', location: 'cb-src/app/source.zip' },
      artifacts: { type: 'S3', location: 'cb-out', path: 'builds', namespaceType: 'BUILD_ID', name: 'app.zip', packaging: 'ZIP' },
    }),
    createProject(nagare.endpoint, { name: 'git-source', source: { type: 'GITHUB', location: repo, gitCloneDepth: 1 } }),
  ]);
});
after(async () => {
  await nagare?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

test('S3 zip source → S3 zip artifact at path/<build-id>/name, with digests and the build ARN as metadata', async () => {
  const b = await waitForBuild(nagare.endpoint, (await startBuild(nagare.endpoint, '--project-name', 's3-source')).id);
  assert.equal(b.buildStatus, 'SUCCEEDED', JSON.stringify(b.phases));
  const uuid = b.id.split(':')[1]!;
  const key = `builds/${uuid}/app.zip`;
  assert.equal(b.artifacts.location, `arn:aws:s3:::cb-out/${key}`);
  const lines = await logMessages(nagare.endpoint, b);
  assert.ok(lines.includes('content=s3-v2'), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('repo=s3://cb-src/app/source.zip version=')), lines.join('\n'));
  assert.equal(b.resolvedSourceVersion, undefined, 'not set for S3 sources (spec B.3)');

  const local = join(work, `out-${uuid}.zip`);
  await c.ok('s3', 'cp', `s3://cb-out/${key}`, local);
  const bytes = await readFile(local);
  assert.deepEqual(Object.keys(unzipSync(bytes)).sort(), ['app.txt', 'sub/n.txt']);
  assert.equal(b.artifacts.sha256sum, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(b.artifacts.md5sum, createHash('md5').update(bytes).digest('hex'));
  const head = await c.json<{ Metadata: Record<string, string> }>('s3api', 'head-object', '--bucket', 'cb-out', '--key', key);
  assert.equal(head.Metadata['codebuild-buildarn'], b.arn);
});

test('S3 source version id and a secondary source (CODEBUILD_SRC_DIR_<id>)', async () => {
  const versions = await c.json<{ Versions: { VersionId: string; IsLatest: boolean }[] }>('s3api', 'list-object-versions', '--bucket', 'cb-src', '--prefix', 'app/source.zip');
  const old = versions.Versions.find((v) => !v.IsLatest)!.VersionId;
  const b = await waitForBuild(nagare.endpoint, (await startBuild(nagare.endpoint, '--project-name', 's3-source', '--source-version', old,
    '--secondary-sources-override', 'type=S3,location=cb-src/extra.zip,sourceIdentifier=extra', '--artifacts-override', 'type=NO_ARTIFACTS')).id);
  assert.equal(b.buildStatus, 'SUCCEEDED');
  assert.equal(b.sourceVersion, old);
  const lines = await logMessages(nagare.endpoint, b);
  assert.ok(lines.includes('content=s3-v1'), lines.join('\n'));
  assert.ok(lines.some((l) => l.endsWith(`version=${old} resolved=`)), lines.join('\n'));
  assert.ok(lines.includes('extra=from-the-secondary-source'), lines.join('\n'));
});

test('git source from a local repository: default branch, tag, commit, branch', async () => {
  const run = async (...extra: string[]): Promise<{ content: string; resolved: string | undefined }> => {
    const b = await waitForBuild(nagare.endpoint, (await startBuild(nagare.endpoint, '--project-name', 'git-source', ...extra)).id);
    assert.equal(b.buildStatus, 'SUCCEEDED', JSON.stringify(b.phases));
    const lines = await logMessages(nagare.endpoint, b);
    return { content: lines.find((l) => l.startsWith('content='))!.slice(8), resolved: b.resolvedSourceVersion };
  };
  const [head, tag, commit, branch] = await Promise.all([run(), run('--source-version', 'v1'), run('--source-version', commits.one!), run('--source-version', 'refs/heads/feature')]);
  assert.deepEqual(head, { content: 'two', resolved: commits.two });
  assert.deepEqual(tag, { content: 'one', resolved: commits.one });
  assert.deepEqual(commit, { content: 'one', resolved: commits.one });
  assert.equal(branch.content, 'feat');
});

test('an unknown branch fails DOWNLOAD_SOURCE with CLIENT_ERROR; no matching artifacts fail UPLOAD_ARTIFACTS', async () => {
  const [noBranch, noFiles] = await Promise.all([
    startBuild(nagare.endpoint, '--project-name', 'git-source', '--source-version', 'no-such-branch'),
    startBuild(nagare.endpoint, '--project-name', 's3-source', '--buildspec-override', 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\nartifacts:\n  files:\n    - missing/**/*\n'),
  ]);
  const a = await waitForBuild(nagare.endpoint, noBranch.id);
  assert.equal(a.buildStatus, 'FAILED');
  assert.deepEqual(phaseSummary(a).slice(3), ['DOWNLOAD_SOURCE:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
  const ctx = phase(a, 'DOWNLOAD_SOURCE')!.contexts![0]!;
  assert.equal(ctx.statusCode, 'CLIENT_ERROR');
  assert.match(ctx.message, /for primary source and source version no-such-branch$/);

  const b = await waitForBuild(nagare.endpoint, noFiles.id);
  assert.equal(b.buildStatus, 'FAILED');
  assert.deepEqual(phase(b, 'UPLOAD_ARTIFACTS')!.contexts, [{ statusCode: 'CLIENT_ERROR', message: 'no matching artifact paths found' }]);
  assert.equal(phase(b, 'FINALIZING')!.phaseStatus, 'SUCCEEDED');
});
