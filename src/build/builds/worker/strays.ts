/**
 * After a crash, the processes a build started outlive the server that ran them (each command is
 * its own process group, spec A.9 executor). When the build's job is reclaimed on the same host,
 * whatever still runs inside the build's workspace is killed and the workspace removed. Best effort
 * and Linux-only (/proc): a process that left the workspace, or one on another host, is not found.
 */
import { readdir, readlink } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { removeWorkspace, workspaceRoot } from './workspace.js';

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
