import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { createGateway } from '../../src/aws/index.js';
import { createCodeCommitService } from '../../src/services/codecommit/index.js';
import { SystemClock, silentLogger } from '../../src/shared/index.js';
import * as source from '../../src/source/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';
import { errorType, jsonCall, rawRequest, type RawResponse } from '../support/signed-request.js';

/**
 * CodeCommit end to end inside one process: the real gateway with the CodeCommit service and its
 * git route, driven by signed API requests and by the real `git` over smart HTTP.
 */

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const scope = { accountId: ACCOUNT, region: REGION };
const ZERO = source.ZERO_SHA;
const CREDENTIALS = new Map([
  ['test', 'test'],
  ['AKIDPUSHER', 'push/secret+value'],
]);

interface Harness {
  endpoint: string;
  dataDir: string;
  work: string;
  events: source.PushEvent[];
  deps: source.SourceDeps;
  api(op: string, body: Record<string, unknown>): Promise<RawResponse>;
  ok<T = Record<string, unknown>>(op: string, body: Record<string, unknown>): Promise<T>;
  /** Clone URL with credentials (`user:secret@`) or without. */
  url(name: string, auth?: { user: string; secret: string } | null): string;
  git(cwd: string, args: string[]): Promise<string>;
  gitFails(cwd: string, args: string[]): Promise<string>;
  /** A fresh working copy with one commit on `main`. */
  newWorkingCopy(files?: Record<string, string | Buffer>): Promise<string>;
}

async function startHarness(open: OpenTestDb): Promise<Harness & { stop(): Promise<void> }> {
  const db = await open();
  const dataDir = await mkdtemp(join(tmpdir(), 'nagare-cc-data-'));
  const work = await mkdtemp(join(tmpdir(), 'nagare-cc-work-'));
  const events: source.PushEvent[] = [];
  const deps = { db, clock: new SystemClock(), logger: silentLogger, dataDir, credentials: CREDENTIALS, onPush: async (e: source.PushEvent) => void events.push(e) };
  const cc = createCodeCommitService(deps);
  const server = createGateway({ services: [cc.service], routes: cc.routes, credentials: CREDENTIALS, accountId: ACCOUNT, clock: deps.clock, logger: silentLogger });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  const gitEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: work,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Mary Major',
    GIT_AUTHOR_EMAIL: 'mary@example.com',
    GIT_COMMITTER_NAME: 'CI',
    GIT_COMMITTER_EMAIL: 'ci@example.com',
  };
  const run = (cwd: string, args: string[]): Promise<{ code: number; out: string }> =>
    new Promise((ok) => {
      execFile('git', args, { cwd, env: gitEnv, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        ok({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
      });
    });
  let copies = 0;
  const h: Harness & { stop(): Promise<void> } = {
    endpoint,
    dataDir,
    work,
    events,
    deps,
    api: (op, body) => jsonCall(endpoint, `CodeCommit_20150413.${op}`, body, { service: 'codecommit', region: REGION }),
    async ok<T>(op: string, body: Record<string, unknown>): Promise<T> {
      const r = await h.api(op, body);
      assert.equal(r.status, 200, `${op}: ${r.text}`);
      return r.json<T>();
    },
    url: (name, auth: { user: string; secret: string } | null = { user: 'test', secret: 'test' }) => {
      const u = new URL(source.cloneUrlHttp(endpoint, scope, name));
      if (auth) {
        u.username = encodeURIComponent(auth.user);
        u.password = encodeURIComponent(auth.secret);
      }
      return u.toString();
    },
    async git(cwd, args) {
      const r = await run(cwd, args);
      assert.equal(r.code, 0, `git ${args.join(' ')}:\n${r.out}`);
      return r.out;
    },
    async gitFails(cwd, args) {
      const r = await run(cwd, args);
      assert.notEqual(r.code, 0, `git ${args.join(' ')} should have failed:\n${r.out}`);
      return r.out;
    },
    async newWorkingCopy(files = { 'README.md': '# hello\n', 'src/app.ts': 'export const x = 1;\n' }) {
      const dir = join(work, `wc${copies++}`);
      await mkdir(dir, { recursive: true });
      await h.git(dir, ['init', '-q', '-b', 'main']);
      for (const [name, content] of Object.entries(files)) {
        await mkdir(join(dir, name, '..'), { recursive: true });
        await writeFile(join(dir, name), content);
      }
      await h.git(dir, ['add', '-A']);
      await h.git(dir, ['commit', '-q', '-m', 'first commit']);
      return dir;
    },
    async stop() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await db.dispose();
      await rm(dataDir, { recursive: true, force: true });
      await rm(work, { recursive: true, force: true });
    },
  };
  return h;
}

const head = async (h: Harness, dir: string): Promise<string> => (await h.git(dir, ['rev-parse', 'HEAD'])).trim();

forEachDatabase((open) => {
  let h: Harness & { stop(): Promise<void> };
  before(async () => {
    h = await startHarness(open);
  });
  after(async () => h.stop());

  describe('repositories through the API', () => {
    test('create / get / list / rename / describe / delete with AWS shapes and exceptions', async () => {
      const created = await h.ok<{ repositoryMetadata: Record<string, unknown> }>('CreateRepository', {
        repositoryName: 'api-repo',
        repositoryDescription: 'first',
        tags: { team: 'a' },
      });
      const m = created.repositoryMetadata;
      assert.equal(m.accountId, ACCOUNT);
      assert.equal(m.repositoryName, 'api-repo');
      assert.equal(m.repositoryDescription, 'first');
      assert.equal(m.Arn, `arn:aws:codecommit:${REGION}:${ACCOUNT}:api-repo`);
      assert.equal(m.cloneUrlHttp, `${h.endpoint}/git/${REGION}/${ACCOUNT}/v1/repos/api-repo`);
      assert.match(String(m.cloneUrlSsh), /^ssh:\/\/127\.0\.0\.1\/git\/us-east-1\/000000000000\/v1\/repos\/api-repo$/);
      assert.match(String(m.repositoryId), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(typeof m.creationDate, 'number');
      assert.equal(m.defaultBranch, undefined, 'no default branch before the first push');

      const dup = await h.api('CreateRepository', { repositoryName: 'api-repo' });
      assert.equal(errorType(dup), 'RepositoryNameExistsException');
      assert.equal(errorType(await h.api('CreateRepository', { repositoryName: 'x.git' })), 'InvalidRepositoryNameException');
      assert.equal(errorType(await h.api('CreateRepository', { repositoryName: '..' })), 'InvalidRepositoryNameException');
      const missing = await h.api('GetRepository', { repositoryName: 'nope' });
      assert.equal(errorType(missing), 'RepositoryDoesNotExistException');
      assert.equal(missing.json().message, 'nope does not exist');

      await h.ok('CreateRepository', { repositoryName: 'another' });
      const asc = await h.ok<{ repositories: Array<{ repositoryName: string; repositoryId: string }> }>('ListRepositories', {});
      const names = asc.repositories.map((r) => r.repositoryName);
      assert.deepEqual(names, [...names].sort());
      assert.ok(names.includes('api-repo') && names.includes('another'));
      const desc = await h.ok<{ repositories: Array<{ repositoryName: string }> }>('ListRepositories', { sortBy: 'repositoryName', order: 'descending' });
      assert.deepEqual(desc.repositories.map((r) => r.repositoryName), [...names].reverse());
      assert.equal(errorType(await h.api('ListRepositories', { nextToken: 'garbage' })), 'InvalidContinuationTokenException');

      await h.ok('UpdateRepositoryName', { oldName: 'another', newName: 'renamed' });
      assert.equal(errorType(await h.api('UpdateRepositoryName', { oldName: 'renamed', newName: 'api-repo' })), 'RepositoryNameExistsException');
      assert.equal(errorType(await h.api('UpdateRepositoryName', { oldName: 'another', newName: 'x' })), 'RepositoryDoesNotExistException');
      await h.ok('UpdateRepositoryDescription', { repositoryName: 'renamed', repositoryDescription: 'second' });
      const renamed = await h.ok<{ repositoryMetadata: Record<string, unknown> }>('GetRepository', { repositoryName: 'renamed' });
      assert.equal(renamed.repositoryMetadata.repositoryDescription, 'second');

      const batch = await h.ok<{ repositories: Array<{ repositoryName: string }>; repositoriesNotFound: string[] }>('BatchGetRepositories', {
        repositoryNames: ['renamed', 'ghost'],
      });
      assert.deepEqual(batch.repositories.map((r) => r.repositoryName), ['renamed']);
      assert.deepEqual(batch.repositoriesNotFound, ['ghost']);

      const arn = String(m.Arn);
      await h.ok('TagResource', { resourceArn: arn, tags: { env: 'dev' } });
      await h.ok('UntagResource', { resourceArn: arn, tagKeys: ['team'] });
      assert.deepEqual((await h.ok<{ tags: Record<string, string> }>('ListTagsForResource', { resourceArn: arn })).tags, { env: 'dev' });
      assert.equal(errorType(await h.api('ListTagsForResource', { resourceArn: 'arn:aws:s3:::bucket' })), 'InvalidResourceArnException');

      const del = await h.ok<{ repositoryId?: string }>('DeleteRepository', { repositoryName: 'renamed' });
      assert.equal(del.repositoryId, renamed.repositoryMetadata.repositoryId);
      assert.deepEqual(await h.ok('DeleteRepository', { repositoryName: 'renamed' }), {}, 'deleting a missing repository succeeds without an id');
    });
  });

  describe('git over smart HTTP', () => {
    test('first push sets the default branch, reports the update, and is readable through the API and a clone', async () => {
      await h.ok('CreateRepository', { repositoryName: 'app' });
      const wc = await h.newWorkingCopy();
      const sha = await head(h, wc);
      const before = h.events.length;
      await h.git(wc, ['push', '-q', h.url('app'), 'main']);
      assert.deepEqual(h.events.slice(before), [
        { accountId: ACCOUNT, region: REGION, repositoryName: 'app', repositoryId: h.events[before]?.repositoryId, updates: [{ ref: 'refs/heads/main', before: ZERO, after: sha }], pusher: 'test' },
      ]);
      const repo = await h.ok<{ repositoryMetadata: { defaultBranch?: string } }>('GetRepository', { repositoryName: 'app' });
      assert.equal(repo.repositoryMetadata.defaultBranch, 'main');
      assert.deepEqual(await h.ok('GetBranch', { repositoryName: 'app', branchName: 'main' }), { branch: { branchName: 'main', commitId: sha } });
      assert.equal(errorType(await h.api('GetBranch', { repositoryName: 'app', branchName: 'nope' })), 'BranchDoesNotExistException');
      assert.equal(errorType(await h.api('GetBranch', { repositoryName: 'app' })), 'BranchNameRequiredException');

      const commit = await h.ok<{ commit: Record<string, unknown> }>('GetCommit', { repositoryName: 'app', commitId: sha });
      assert.equal(commit.commit.commitId, sha);
      assert.equal(commit.commit.message, 'first commit\n');
      assert.deepEqual(commit.commit.parents, []);
      assert.equal((commit.commit.author as Record<string, string>).name, 'Mary Major');
      assert.match((commit.commit.author as Record<string, string>).date ?? '', /^\d+ [+-]\d{4}$/);
      assert.equal((commit.commit.committer as Record<string, string>).email, 'ci@example.com');
      assert.equal(errorType(await h.api('GetCommit', { repositoryName: 'app', commitId: 'abc' })), 'InvalidCommitIdException');
      assert.equal(errorType(await h.api('GetCommit', { repositoryName: 'app', commitId: 'f'.repeat(40) })), 'CommitIdDoesNotExistException');

      const clone = join(h.work, 'clone-app');
      await h.git(h.work, ['clone', '-q', h.url('app'), clone]);
      assert.equal(await readFile(join(clone, 'README.md'), 'utf8'), '# hello\n');
      assert.equal((await h.git(clone, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim(), 'main');

      // The domain functions the pipeline engine uses.
      const tip = await source.resolveBranch(h.deps, scope, 'app', 'main');
      assert.equal(tip.commitId, sha);
      assert.equal(tip.message, 'first commit\n');
      assert.ok(tip.authorDate instanceof Date && tip.committerDate instanceof Date);
      await assert.rejects(source.resolveBranch(h.deps, scope, 'app', 'nope'), { code: 'BranchNotFound' });
      const zip = join(h.work, 'app.zip');
      await source.archiveCommit(h.deps, scope, 'app', sha, zip);
      const entries = unzipSync(new Uint8Array(await readFile(zip)));
      assert.equal(Buffer.from(entries['src/app.ts'] ?? []).toString(), 'export const x = 1;\n');
      assert.ok(!Object.keys(entries).some((k) => k.startsWith('.git')));
      const local = join(h.work, 'clone-local');
      await h.git(h.work, ['clone', '-q', await source.repositoryPath(h.deps, scope, 'app'), local]);
      assert.equal(await head(h, local), sha);
      assert.deepEqual(source.repositoryByCloneUrl(h.url('app', null)), { scope, name: 'app' });
    });

    test('branch, tag and deletion pushes produce exactly their updates; GetDifferences and changedFiles see the files', async () => {
      await h.ok('CreateRepository', { repositoryName: 'refs' });
      const wc = await h.newWorkingCopy();
      const first = await head(h, wc);
      await h.git(wc, ['push', '-q', h.url('refs'), 'main']);

      await h.git(wc, ['checkout', '-q', '-b', 'feature']);
      await writeFile(join(wc, 'src/app.ts'), 'export const x = 2;\n');
      await mkdir(join(wc, 'docs'));
      await writeFile(join(wc, 'docs/guide.md'), 'guide\n');
      await rm(join(wc, 'README.md'));
      await h.git(wc, ['add', '-A']);
      await h.git(wc, ['commit', '-q', '-m', 'feature work']);
      const second = await head(h, wc);
      await h.git(wc, ['tag', '-a', 'v1', '-m', 'release 1']);
      const tagObject = (await h.git(wc, ['rev-parse', 'v1'])).trim();

      let mark = h.events.length;
      await h.git(wc, ['push', '-q', h.url('refs'), 'feature', 'v1']);
      assert.deepEqual(h.events.slice(mark).map((e) => e.updates), [
        [
          { ref: 'refs/heads/feature', before: ZERO, after: second },
          { ref: 'refs/tags/v1', before: ZERO, after: tagObject },
        ],
      ]);

      const diff = await h.ok<{ differences: Array<{ changeType: string; beforeBlob?: { path: string }; afterBlob?: { path: string; mode: string } }> }>('GetDifferences', {
        repositoryName: 'refs',
        beforeCommitSpecifier: 'main',
        afterCommitSpecifier: 'feature',
      });
      const summary = diff.differences.map((d) => `${d.changeType} ${d.afterBlob?.path ?? d.beforeBlob?.path}`).sort();
      assert.deepEqual(summary, ['A docs/guide.md', 'D README.md', 'M src/app.ts']);
      assert.equal(diff.differences.find((d) => d.changeType === 'A')?.afterBlob?.mode, '100644');
      const onlyDocs = await h.ok<{ differences: unknown[] }>('GetDifferences', { repositoryName: 'refs', beforeCommitSpecifier: first, afterCommitSpecifier: second, afterPath: 'docs' });
      assert.equal(onlyDocs.differences.length, 1);
      const paged = await h.ok<{ differences: unknown[]; NextToken?: string }>('GetDifferences', { repositoryName: 'refs', beforeCommitSpecifier: first, afterCommitSpecifier: 'v1', MaxResults: 2 });
      assert.equal(paged.differences.length, 2);
      const rest = await h.ok<{ differences: unknown[]; NextToken?: string }>('GetDifferences', {
        repositoryName: 'refs',
        beforeCommitSpecifier: first,
        afterCommitSpecifier: 'v1',
        MaxResults: 2,
        NextToken: paged.NextToken,
      });
      assert.deepEqual([rest.differences.length, rest.NextToken], [1, undefined]);
      const all = await h.ok<{ differences: Array<{ changeType: string }> }>('GetDifferences', { repositoryName: 'refs', afterCommitSpecifier: 'main' });
      assert.deepEqual(all.differences.map((d) => d.changeType), ['A', 'A'], 'no before: every file added');
      assert.equal(errorType(await h.api('GetDifferences', { repositoryName: 'refs', afterCommitSpecifier: 'nope' })), 'CommitDoesNotExistException');
      assert.equal(errorType(await h.api('GetDifferences', { repositoryName: 'refs', afterCommitSpecifier: '--all' })), 'InvalidCommitException');
      assert.equal(errorType(await h.api('GetDifferences', { repositoryName: 'refs', afterCommitSpecifier: 'main', afterPath: 'missing' })), 'PathDoesNotExistException');
      assert.equal(errorType(await h.api('GetDifferences', { repositoryName: 'refs', afterCommitSpecifier: 'main', afterPath: '../etc' })), 'InvalidPathException');
      assert.deepEqual(await source.changedFiles(h.deps, scope, 'refs', first, second), ['README.md', 'docs/guide.md', 'src/app.ts']);
      assert.deepEqual(await source.changedFiles(h.deps, scope, 'refs', ZERO, first), ['README.md', 'src/app.ts']);

      assert.deepEqual((await h.ok<{ branches: string[] }>('ListBranches', { repositoryName: 'refs' })).branches, ['feature', 'main']);

      mark = h.events.length;
      await h.git(wc, ['push', '-q', h.url('refs'), '--delete', 'feature', 'v1']);
      assert.deepEqual(h.events.slice(mark).map((e) => e.updates), [
        [
          { ref: 'refs/heads/feature', before: second, after: ZERO },
          { ref: 'refs/tags/v1', before: tagObject, after: ZERO },
        ],
      ]);

      // Branches through the API are reference events too.
      mark = h.events.length;
      await h.ok('CreateBranch', { repositoryName: 'refs', branchName: 'hotfix', commitId: second });
      assert.equal(errorType(await h.api('CreateBranch', { repositoryName: 'refs', branchName: 'hotfix', commitId: second })), 'BranchNameExistsException');
      assert.equal(errorType(await h.api('CreateBranch', { repositoryName: 'refs', branchName: 'x', commitId: 'e'.repeat(40) })), 'CommitDoesNotExistException');
      assert.equal(errorType(await h.api('CreateBranch', { repositoryName: 'refs', branchName: 'a..b', commitId: second })), 'InvalidBranchNameException');
      await h.ok('UpdateDefaultBranch', { repositoryName: 'refs', defaultBranchName: 'hotfix' });
      assert.equal(errorType(await h.api('DeleteBranch', { repositoryName: 'refs', branchName: 'hotfix' })), 'DefaultBranchCannotBeDeletedException');
      await h.ok('UpdateDefaultBranch', { repositoryName: 'refs', defaultBranchName: 'main' });
      assert.deepEqual(await h.ok('DeleteBranch', { repositoryName: 'refs', branchName: 'hotfix' }), { deletedBranch: { branchName: 'hotfix', commitId: second } });
      assert.deepEqual(await h.ok('DeleteBranch', { repositoryName: 'refs', branchName: 'hotfix' }), {});
      assert.deepEqual(h.events.slice(mark).map((e) => [e.updates, e.pusher]), [
        [[{ ref: 'refs/heads/hotfix', before: ZERO, after: second }], undefined],
        [[{ ref: 'refs/heads/hotfix', before: second, after: ZERO }], undefined],
      ]);
    });

    test('authentication: fetch and push need an access key id and its secret; unknown repositories are 404', async () => {
      await h.ok('CreateRepository', { repositoryName: 'guarded' });
      const wc = await h.newWorkingCopy();
      const mark = h.events.length;

      const noCreds = await h.gitFails(wc, ['push', h.url('guarded', null), 'main']);
      assert.match(noCreds, /could not read Username|Authentication failed/);
      const wrong = await h.gitFails(wc, ['push', h.url('guarded', { user: 'test', secret: 'wrong' }), 'main']);
      assert.match(wrong, /Authentication failed/);
      assert.equal(h.events.length, mark, 'nothing was pushed');

      const base = `/git/${REGION}/${ACCOUNT}/v1/repos/guarded`;
      const adv = await rawRequest(h.endpoint, { method: 'GET', path: `${base}/info/refs?service=git-receive-pack`, headers: {} });
      assert.equal(adv.status, 401);
      assert.equal(adv.headers['www-authenticate'], 'Basic realm="nagare git"');
      const fetchAdv = await rawRequest(h.endpoint, { method: 'GET', path: `${base}/info/refs?service=git-upload-pack`, headers: {} });
      assert.equal(fetchAdv.status, 401, 'fetching needs credentials too');
      const basic = (u: string, p: string): Record<string, string> => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });
      const post = await rawRequest(h.endpoint, { method: 'POST', path: `${base}/git-receive-pack`, headers: { 'content-type': 'application/x-git-receive-pack-request' }, body: '0000' });
      assert.equal(post.status, 401);

      const okAdv = await rawRequest(h.endpoint, { method: 'GET', path: `${base}/info/refs?service=git-receive-pack`, headers: basic('AKIDPUSHER', 'push/secret+value') });
      assert.equal(okAdv.status, 200);
      assert.equal(okAdv.headers['content-type'], 'application/x-git-receive-pack-advertisement');
      const unknown = await rawRequest(h.endpoint, { method: 'GET', path: `/git/${REGION}/${ACCOUNT}/v1/repos/ghost/info/refs?service=git-upload-pack`, headers: basic('test', 'test') });
      assert.equal(unknown.status, 404);
      for (const path of [
        `/git/${REGION}/${ACCOUNT}/v1/repos/../info/refs?service=git-upload-pack`,
        `/git/${REGION}/${ACCOUNT}/v1/repos/%2e%2e/info/refs?service=git-upload-pack`,
        `${base}/HEAD`,
        `${base}/objects/info/packs`,
        `${base}/config`,
      ]) {
        const r = await rawRequest(h.endpoint, { method: 'GET', path, headers: basic('test', 'test') });
        assert.equal(r.status, 404, path);
      }

      await h.git(wc, ['push', '-q', h.url('guarded', { user: 'AKIDPUSHER', secret: 'push/secret+value' }), 'main']);
      assert.equal(h.events.at(-1)?.pusher, 'AKIDPUSHER');
      assert.equal(h.events.length, mark + 1);
    });

    test('a 5 MB push and concurrent pushes to two repositories', async () => {
      await h.ok('CreateRepository', { repositoryName: 'big' });
      await h.ok('CreateRepository', { repositoryName: 'other' });
      const big = await h.newWorkingCopy({ 'blob.bin': randomBytes(5 * 1024 * 1024), 'a.txt': 'a\n' });
      const small = await h.newWorkingCopy({ 'b.txt': 'b\n' });
      const mark = h.events.length;
      await Promise.all([h.git(big, ['push', '-q', h.url('big'), 'main']), h.git(small, ['push', '-q', h.url('other'), 'main'])]);
      const got = h.events.slice(mark).map((e) => `${e.repositoryName} ${e.updates.map((u) => `${u.ref} ${u.after}`).join(',')}`).sort();
      assert.deepEqual(got, [`big refs/heads/main ${await head(h, big)}`, `other refs/heads/main ${await head(h, small)}`]);
      const check = join(h.work, 'clone-big');
      await h.git(h.work, ['clone', '-q', h.url('big'), check]);
      assert.equal((await readFile(join(check, 'blob.bin'))).length, 5 * 1024 * 1024);
    });
  });
});
