import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  memoryGiB: number;
  cpuModel: string;
  kernel: string;
  node: string;
  date: string;
  /**
   * Share of all CPUs busy with other work during one second before the benchmark started (it was
   * idle then): other work on the machine skews every figure, so it is measured and printed.
   */
  backgroundCpuPct: number;
}

/** Busy and total jiffies of all CPUs from /proc/stat; undefined off Linux. */
function cpuTimes(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Percentage of the machine's CPU time used by others over `ms` while this process sleeps. */
export async function backgroundCpuPct(ms = 1000): Promise<number> {
  const a = cpuTimes();
  await new Promise((r) => setTimeout(r, ms));
  const b = cpuTimes();
  if (!a || !b || b.total === a.total) return Number.NaN;
  return Math.round((1000 * (b.busy - a.busy)) / (b.total - a.total)) / 10;
}

/** What the figures were measured on (nproc, memory, /proc/cpuinfo model name, kernel, Node). */
export async function machine(): Promise<Machine> {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) cpuModel = m[1].trim();
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return {
    cpus: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel,
    kernel: release(),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    backgroundCpuPct: await backgroundCpuPct(),
  };
}

/** CPU ticks this process and its reaped children (servers, CLIs) used so far, from /proc/self/stat. */
function ownTicks(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime stime cutime cstime
  } catch {
    return Number.NaN;
  }
}

export interface OtherWork {
  /** % of all CPUs used by others in one second before the benchmark began. */
  beforePct: number;
  /** % of all CPUs used by processes outside this benchmark's tree while it ran. */
  duringPct: number;
  /** What else counted as the benchmark's own work (e.g. the container engine it drives). */
  alsoOwn?: string;
}

/**
 * Watches how much CPU other work took while the benchmark ran: all CPU time on the machine
 * minus what this process and its children used. finish() must run after every child exited.
 * `alsoOwn` adds work outside the process tree that the benchmark causes (a container engine's
 * service and containers): a cumulative CPU-ms counter and a few words for the machine line.
 */
export function watchOtherWork(m: Machine, alsoOwn?: { name: string; cpuMs: () => number }): { finish(): OtherWork } {
  const a = cpuTimes();
  const own0 = ownTicks();
  const extra0 = alsoOwn?.cpuMs() ?? 0;
  return {
    finish() {
      const b = cpuTimes();
      const extra = alsoOwn ? (alsoOwn.cpuMs() - extra0) / 10 : 0; // ms → ticks (USER_HZ 100)
      const own = ownTicks() - own0 + (Number.isFinite(extra) ? extra : 0);
      const duringPct = a && b && b.total > a.total ? Math.max(0, Math.round((1000 * (b.busy - a.busy - own)) / (b.total - a.total)) / 10) : Number.NaN;
      return { beforePct: m.backgroundCpuPct, duringPct, ...(alsoOwn ? { alsoOwn: alsoOwn.name } : {}) };
    },
  };
}

/** Above this much CPU used by others at the start, the figures are flagged as skewed. */
const BUSY_PCT = 10;

export function machineLine(m: Machine, other: OtherWork): string {
  const busy = Math.max(other.beforePct, other.duringPct) > BUSY_PCT ? ' — WARNING: the machine was busy with other work; figures are skewed' : '';
  return `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Linux ${m.kernel}, Node ${m.node}, ${m.date}; other work used ${other.beforePct}% of the CPUs just before and ${other.duringPct}% during the run${other.alsoOwn ? ` (${other.alsoOwn} counted as the benchmark's own)` : ''}${busy}`;
}
