/**
 * After a crash (or a shutdown cut short), what a build started can outlive the server that ran it:
 * its processes (each command is its own process group, spec A.9 executor) and its container. When
 * the build's job is reclaimed on the same host, whatever still runs inside the build's workspace is
 * killed, the workspace removed, and every container with the build's label removed. Best effort
 * and Linux-only (/proc): a process that left the workspace, or one on another host, is not found.
 */
import { readdir, readlink } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { BUILD_CONTAINER_LABEL, type CodeBuildDeps } from '../deps.js';
import { removeWorkspace, workspaceRoot } from './workspace.js';

export interface Leftovers {
  killed: number;
  removedContainers: number;
}

/** Everything an earlier attempt at a build may have left on this host; never throws. */
export async function sweepLeftovers(deps: Pick<CodeBuildDeps, 'dataDir' | 'container'>, uuid: string): Promise<Leftovers> {
  const killed = await cleanUpInterrupted(deps.dataDir, uuid).catch(() => 0);
  const removedContainers = deps.container ? await deps.container.runtime.removeContainersByLabel(BUILD_CONTAINER_LABEL, uuid).catch(() => 0) : 0;
  return { killed, removedContainers };
}

export async function cleanUpInterrupted(dataDir: string, uuid: string): Promise<number> {
  const root = workspaceRoot(dataDir, uuid);
  let killed = 0;
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cwd = await readlink(join('/proc', entry, 'cwd')).catch(() => undefined);
    if (cwd === undefined || (cwd !== root && !cwd.startsWith(root + sep))) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
      killed++;
    } catch {
      // gone already, or not ours to kill
    }
  }
  await removeWorkspace({ root });
  return killed;
}
