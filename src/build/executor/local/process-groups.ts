/**
 * Every command runs detached, as the leader of its own process group, so the whole tree it starts
 * (pipelines, `&` jobs, daemons) can be signalled at once with a negative pid. Groups are kept
 * until the build ends: a background job started in INSTALL may legitimately serve later phases,
 * and is killed with the rest when the build finishes, times out or is stopped.
 */
const POLL_MS = 50;

export class ProcessGroups {
  private readonly groups = new Set<number>();

  track(pgid: number): void {
    this.groups.add(pgid);
  }

  /** SIGTERM the group, then SIGKILL whatever is still there after `graceMs`. */
  async terminate(pgid: number, graceMs: number): Promise<void> {
    if (!signal(pgid, 'SIGTERM')) {
      this.groups.delete(pgid);
      return;
    }
    const deadline = Date.now() + graceMs;
    while (alive(pgid) && Date.now() < deadline) await sleep(POLL_MS);
    signal(pgid, 'SIGKILL');
    this.groups.delete(pgid);
  }

  async terminateAll(graceMs: number): Promise<void> {
    await Promise.all([...this.groups].map((g) => this.terminate(g, graceMs)));
  }
}

function signal(pgid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, sig);
    return true;
  } catch {
    return false;
  }
}

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
