/**
 * A build's private directories under `<dataDir>/builds/<uuid>` (removed when the build ends):
 * `src` = `$CODEBUILD_SRC_DIR`, `sources/<id>` = secondary sources, `scratch` = the agent's scripts
 * and env snapshots (they hold secrets: mode 0700), `tmp` = downloads and zips, `home` = `$HOME`.
 */
import { chmod, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface Workspace {
  root: string;
  src: string;
  sources: string;
  scratch: string;
  tmp: string;
  home: string;
  /** Where an inline buildspec is said to be (AWS: `/codebuild/readonly/buildspec.yml`). */
  inlineBuildspec: string;
}

export function workspaceRoot(dataDir: string, uuid: string): string {
  return resolve(dataDir, 'builds', uuid);
}

export async function createWorkspace(dataDir: string, uuid: string): Promise<Workspace> {
  const root = workspaceRoot(dataDir, uuid);
  // A leftover from an interrupted run of this build is never reused.
  await rm(root, { recursive: true, force: true });
  const ws: Workspace = {
    root,
    src: join(root, 'src'),
    sources: join(root, 'sources'),
    scratch: join(root, 'scratch'),
    tmp: join(root, 'tmp'),
    home: join(root, 'home'),
    inlineBuildspec: join(root, 'readonly', 'buildspec.yml'),
  };
  await mkdir(root, { recursive: true });
  // Traversable (not listable) so a buildspec `run-as` user can reach the source.
  await chmod(root, 0o711);
  for (const dir of [ws.src, ws.sources, ws.tmp, ws.home]) await mkdir(dir, { recursive: true });
  await mkdir(ws.scratch, { mode: 0o700 });
  return ws;
}

export async function removeWorkspace(ws: Pick<Workspace, 'root'>): Promise<void> {
  await rm(ws.root, { recursive: true, force: true, maxRetries: 3 });
}
