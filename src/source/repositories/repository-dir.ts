/**
 * Bare repositories on disk: `<dataDir>/git/<repositoryId>.git`. The id is a UUID nagare minted,
 * so the path is safe by construction. Repositories get no hooks (empty template): nagare learns
 * about pushes by comparing refs around each receive-pack, not from scripts on disk.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceDeps } from '../deps.js';
import { runGit } from '../git/run-git.js';

/** The folder http-backend serves (GIT_PROJECT_ROOT). */
export function gitRoot(dataDir: string): string {
  return join(dataDir, 'git');
}

export function repositoryDir(dataDir: string, repositoryId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(repositoryId)) throw new Error(`not a repository id: ${repositoryId}`);
  return join(gitRoot(dataDir), `${repositoryId}.git`);
}

/** Creates the bare repository under a temporary name, then renames it into place (never half-made). */
export async function initRepositoryDir(deps: Pick<SourceDeps, 'dataDir' | 'hostPath'>, repositoryId: string): Promise<string> {
  const dir = repositoryDir(deps.dataDir, repositoryId);
  const tmp = join(gitRoot(deps.dataDir), 'tmp', randomUUID());
  await mkdir(join(gitRoot(deps.dataDir), 'tmp'), { recursive: true });
  await runGit(deps, ['init', '--quiet', '--bare', '--template=', '--initial-branch=main', tmp]);
  // Pushes are authorised by the route; http-backend also checks REMOTE_USER, this keeps it open.
  await runGit(deps, [`--git-dir=${tmp}`, 'config', 'http.receivepack', 'true']);
  // Reject corrupt objects at the door rather than find them in a build later.
  await runGit(deps, [`--git-dir=${tmp}`, 'config', 'receive.fsckObjects', 'true']);
  await rename(tmp, dir);
  return dir;
}

export async function removeRepositoryDir(dataDir: string, repositoryId: string): Promise<void> {
  await rm(repositoryDir(dataDir, repositoryId), { recursive: true, force: true });
}
