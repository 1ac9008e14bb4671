import { readFileSync } from 'node:fs';

export interface ChildSeen {
  pid: number;
  /** Command line once the child has exec'd (a fork still shows its parent's). */
  cmdline: string;
  /** `clock()` at the first scan that listed it (the fork's page-table copy is already done then). */
  firstSeen: number;
  /** `clock()` at the last scan that listed it. */
  lastSeen: number;
}

/**
 * Watches the direct children of one process's main thread (`/proc/<pid>/task/<pid>/children`,
 * where Node's spawns land) by scanning every `everyMs` while started: when each child appeared,
 * when it was last there, and what it runs. One small file read per scan, plus the command line
 * of a child until it has exec'd. Resolution: the scan interval (and this event loop's delays).
 */
export class ChildWatch {
  private timer: NodeJS.Timeout | undefined;
  private clock: () => number = () => performance.now();
  private readonly live = new Map<number, ChildSeen>();
  private readonly done: ChildSeen[] = [];

  constructor(
    private readonly pid: number,
    private readonly everyMs = 2,
  ) {}

  /** Whether this kernel exposes the children list (CONFIG_PROC_CHILDREN). */
  static available(pid: number): boolean {
    try {
      readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
      return true;
    } catch {
      return false;
    }
  }

  start(clock: () => number): void {
    this.stop();
    this.clock = clock;
    this.live.clear();
    this.done.length = 0;
    this.scan();
    this.timer = setInterval(() => this.scan(), this.everyMs);
  }

  /** Stops scanning; returns every child seen since start(), in order of appearance. */
  stop(): ChildSeen[] {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const all = [...this.done, ...this.live.values()].sort((a, b) => a.firstSeen - b.firstSeen);
    this.live.clear();
    this.done.length = 0;
    return all;
  }

  private scan(): void {
    let text: string;
    try {
      text = readFileSync(`/proc/${this.pid}/task/${this.pid}/children`, 'utf8');
    } catch {
      return;
    }
    const t = this.clock();
    const now = new Set(text.split(' ').filter(Boolean).map(Number));
    for (const [pid, c] of this.live) {
      if (!now.has(pid)) {
        this.done.push(c);
        this.live.delete(pid);
      }
    }
    for (const pid of now) {
      let c = this.live.get(pid);
      if (!c) {
        c = { pid, cmdline: '', firstSeen: t, lastSeen: t };
        this.live.set(pid, c);
      }
      c.lastSeen = t;
      if (!c.cmdline.startsWith('git')) {
        try {
          c.cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
        } catch {
          // gone meanwhile
        }
      }
    }
  }
}
