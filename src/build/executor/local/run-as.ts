/**
 * `run-as` (spec A.4): commands of a phase run as another Linux user. Without it everything runs as
 * the executor's user (root in CodeBuild, `HOME=/root`). The child is started with that uid/gid
 * (setuid/setgid by the spawn itself — supplementary groups are not applied) and HOME/USER/LOGNAME
 * of the user's passwd entry. The user is given read and run permission on the source.
 */
import { execFile } from 'node:child_process';
import { chmod, chown, lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { userInfo } from 'node:os';

export interface RunAsUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export type RunAsResolution = { user?: RunAsUser } | { problem: string };

/**
 * What to run a phase's commands as. The messages are Go's (`user: unknown user x`), the language
 * the agent is written in; AWS's exact wording for an unknown run-as user is unverified.
 */
export async function resolveRunAs(name: string | undefined): Promise<RunAsResolution> {
  const me = userInfo();
  if (name === undefined || name === me.username) return {};
  const user = await lookupUser(name);
  if (!user) return { problem: `user: unknown user ${name}` };
  if (me.uid !== 0) return { problem: `run-as ${name} needs the executor to run as root (it runs as ${me.username})` };
  return { user };
}

export async function lookupUser(name: string): Promise<RunAsUser | undefined> {
  const line = (await getent(name)) ?? (await fromPasswdFile(name));
  if (!line) return undefined;
  const [user, , uid, gid, , home] = line.split(':');
  if (user !== name || uid === undefined || gid === undefined) return undefined;
  return { name, uid: Number(uid), gid: Number(gid), home: home || '/' };
}

/** chmod a+rX over the tree (symlinks untouched): the run-as user can read and traverse the source. */
export async function grantReadAndRun(dir: string): Promise<void> {
  const st = await lstat(dir);
  if (st.isSymbolicLink()) return;
  const exec = st.isDirectory() || (st.mode & 0o100) !== 0 ? 0o111 : 0;
  await chmod(dir, (st.mode & 0o7777) | 0o444 | exec);
  if (!st.isDirectory()) return;
  for (const entry of await readdir(dir)) await grantReadAndRun(join(dir, entry));
}

/** Hands the agent's state files to the user, so its command can restore and snapshot them. */
export async function handOver(paths: string[], user: RunAsUser): Promise<void> {
  for (const p of paths) await chown(p, user.uid, user.gid);
}

function getent(name: string): Promise<string | undefined> {
  return new Promise((ok) => {
    execFile('getent', ['passwd', name], { timeout: 5000 }, (err, stdout) => ok(err ? undefined : stdout.trim().split('\n')[0]));
  });
}

async function fromPasswdFile(name: string): Promise<string | undefined> {
  const text = await readFile('/etc/passwd', 'utf8').catch(() => '');
  return text.split('\n').find((l) => l.startsWith(`${name}:`));
}
