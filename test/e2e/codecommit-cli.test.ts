import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { aws, awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';

/**
 * The seed's CodeCommit flow against `nagare up` with the real AWS CLI v2 and git:
 * create-repository → git push <cloneUrlHttp> main → get-branch shows the pushed commit.
 */

let nagare: NagareHandle;
let work: string;

before(async () => {
  nagare = await startNagare();
  work = await mkdtemp(join(tmpdir(), 'nagare-cc-e2e-'));
});
after(async () => {
  await nagare?.stop();
  await rm(work, { recursive: true, force: true });
});

const gitEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: work,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Kirinuki Dev',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Kirinuki Dev',
  GIT_COMMITTER_EMAIL: 'dev@example.com',
});

async function git(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    execFile('git', args, { cwd, env: gitEnv() }, (err, stdout, stderr) => (err ? fail(new Error(`git ${args.join(' ')}: ${stderr}`)) : ok(stdout)));
  });
}

/** The clone URL with the CLI's key pair as HTTP Basic credentials (what a credential helper would supply). */
function withCredentials(url: string): string {
  const u = new URL(url);
  u.username = 'test';
  u.password = 'test';
  return u.toString();
}

test('create-repository, git push main, get-branch shows the pushed commit', async () => {
  const created = (
    await awsOk(nagare.endpoint, ['codecommit', 'create-repository', '--repository-name', 'ai-kirinuki-kun', '--repository-description', 'clip tool'])
  ).json<{ repositoryMetadata: Record<string, string> }>().repositoryMetadata;
  assert.equal(created.repositoryName, 'ai-kirinuki-kun');
  assert.equal(created.Arn, 'arn:aws:codecommit:us-east-1:000000000000:ai-kirinuki-kun');
  assert.equal(created.cloneUrlHttp, `${nagare.endpoint}/git/us-east-1/000000000000/v1/repos/ai-kirinuki-kun`);

  await git(work, 'init', '-q', '-b', 'main', 'app');
  const app = join(work, 'app');
  await writeFile(join(app, 'buildspec.yml'), 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n');
  await git(app, 'add', '-A');
  await git(app, 'commit', '-q', '-m', 'initial import');
  const sha = (await git(app, 'rev-parse', 'HEAD')).trim();
  await git(app, 'push', '-q', withCredentials(created.cloneUrlHttp), 'main');

  const branch = (await awsOk(nagare.endpoint, ['codecommit', 'get-branch', '--repository-name', 'ai-kirinuki-kun', '--branch-name', 'main'])).json<{
    branch: { branchName: string; commitId: string };
  }>();
  assert.deepEqual(branch, { branch: { branchName: 'main', commitId: sha } });

  const repo = (await awsOk(nagare.endpoint, ['codecommit', 'get-repository', '--repository-name', 'ai-kirinuki-kun'])).json<{
    repositoryMetadata: { defaultBranch?: string };
  }>();
  assert.equal(repo.repositoryMetadata.defaultBranch, 'main');

  const commit = (await awsOk(nagare.endpoint, ['codecommit', 'get-commit', '--repository-name', 'ai-kirinuki-kun', '--commit-id', sha])).json<{
    commit: { message: string; author: { name: string } };
  }>();
  assert.equal(commit.commit.message, 'initial import\n');
  assert.equal(commit.commit.author.name, 'Kirinuki Dev');

  const listed = (await awsOk(nagare.endpoint, ['codecommit', 'list-repositories'])).json<{ repositories: Array<{ repositoryName: string }> }>();
  assert.ok(listed.repositories.some((r) => r.repositoryName === 'ai-kirinuki-kun'));

  const missing = await aws(nagare.endpoint, ['codecommit', 'get-branch', '--repository-name', 'ai-kirinuki-kun', '--branch-name', 'nope']);
  assert.equal(missing.code, 254);
  assert.match(missing.stderr, /BranchDoesNotExistException/);

  const clone = join(work, 'clone');
  await git(work, 'clone', '-q', withCredentials(created.cloneUrlHttp), clone);
  assert.equal((await git(clone, 'rev-parse', 'HEAD')).trim(), sha);
});
