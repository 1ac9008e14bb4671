import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, onInterrupt } from './cleanup.js';

/**
 * The container engine's side of a container build, which is not in the benchmark's process tree:
 * podman's API service (`podman system service <socket>`) and, in the `libpod_parent` cgroup, every
 * conmon and container it started. Their CPU belongs to the benchmark (not "other work") and their
 * memory is part of what a container build costs. Linux with podman's cgroupfs manager (cgroup v1
 * `libpod_parent`, or the same name on v2); anything missing reads as NaN / undefined.
 */

/** The path of a `unix://` Docker host. */
export function socketPath(dockerHost: string): string {
  return dockerHost.replace(/^unix:\/\//, '');
}

/** Pid of the `podman system service` listening on `socket` (the only one when the socket is not on its command line). */
export function podmanServicePid(socket: string): number | undefined {
  const services: { pid: number; args: string[] }[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const args = readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0');
      if (/(^|\/)podman$/.test(args[0] ?? '') && args.includes('system') && args.includes('service')) services.push({ pid: Number(e), args });
    } catch {
      // gone meanwhile
    }
  }
  const exact = services.find((s) => s.args.some((a) => a.endsWith(socket)));
  return (exact ?? (services.length === 1 ? services[0] : undefined))?.pid;
}

function readNumber(file: string, re?: RegExp): number {
  try {
    const text = readFileSync(file, 'utf8');
    return re ? Number(re.exec(text)?.[1] ?? Number.NaN) : Number(text.trim());
  } catch {
    return Number.NaN;
  }
}

/** CPU ms of a process and its reaped children (utime stime cutime cstime). */
function processTreeCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10; // USER_HZ 100
  } catch {
    return Number.NaN;
  }
}

/** CPU ms used so far by everything in podman's `libpod_parent` cgroup (conmon, containers, exited ones included). */
function cgroupCpuMs(): number {
  const v1 = readNumber('/sys/fs/cgroup/cpuacct/libpod_parent/cpuacct.usage'); // ns
  if (Number.isFinite(v1)) return v1 / 1e6;
  return readNumber('/sys/fs/cgroup/libpod_parent/cpu.stat', /^usage_usec (\d+)$/m) / 1000;
}

export interface EngineMemory {
  /** VmRSS of the podman API service, MiB. */
  serviceRssMiB: number;
  /** Anonymous memory of every conmon and container (cgroup total_rss / anon), MiB. */
  containersRssMiB: number;
  /** conmon processes alive (one pair per container and per exec session). */
  conmons: number;
}

export class Engine {
  readonly servicePid: number | undefined;

  constructor(dockerHost: string) {
    this.servicePid = podmanServicePid(socketPath(dockerHost));
  }

  /** CPU ms the engine side has used so far (service + its children + the libpod_parent cgroup). */
  cpuMs(): number {
    const service = processTreeCpuMs(this.servicePid);
    const cgroup = cgroupCpuMs();
    return (Number.isFinite(service) ? service : 0) + (Number.isFinite(cgroup) ? cgroup : 0);
  }

  memory(): EngineMemory {
    let serviceRss = Number.NaN;
    if (this.servicePid !== undefined) serviceRss = readNumber(`/proc/${this.servicePid}/status`, /^VmRSS:\s*(\d+) kB/m) / 1024;
    let rss = readNumber('/sys/fs/cgroup/memory/libpod_parent/memory.stat', /^total_rss (\d+)$/m);
    if (!Number.isFinite(rss)) rss = readNumber('/sys/fs/cgroup/libpod_parent/memory.stat', /^anon (\d+)$/m);
    return { serviceRssMiB: serviceRss, containersRssMiB: rss / 2 ** 20, conmons: countConmons() };
  }
}

/** podman holds each exec session's conmon for `exit_command_delay` (300 s by default) after the exec ended. */
const EXIT_COMMAND_DELAY_S = 300;

/**
 * Ages (s) of the conmon processes of exec sessions podman still keeps — even when the container
 * is gone. When they exit, each runs a `podman container cleanup`: hundreds at once are a burst of
 * CPU that lands in podman's cgroup, so a container figure measured meanwhile is skewed.
 */
export function lingeringExecConmonAges(): number[] {
  let uptimeS = Number.NaN;
  try {
    uptimeS = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  } catch {
    return [];
  }
  const ages: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/comm`, 'utf8').trim() !== 'conmon') continue;
      if (!readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0').includes('--exec-attach')) continue;
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]); // field 22: starttime, USER_HZ 100
      ages.push(uptimeS - startTicks / 100);
    } catch {
      // gone meanwhile
    }
  }
  return ages;
}

/** A warning when exec sessions of earlier container builds end within `withinS` (this benchmark's run), else undefined. */
export function lingeringWarning(withinS = 240): string | undefined {
  const due = lingeringExecConmonAges().filter((age) => EXIT_COMMAND_DELAY_S - age < withinS);
  if (due.length === 0) return undefined;
  return `${due.length} conmon processes of earlier podman exec sessions end within ${withinS} s (podman keeps each for its exit_command_delay, ${EXIT_COMMAND_DELAY_S} s), each running \`podman container cleanup\`: container figures measured meanwhile are skewed — leave 5 minutes after container builds`;
}

function countConmons(): number {
  let n = 0;
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/comm`, 'utf8').trim() === 'conmon') n++;
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

/**
 * The Docker Engine API calls a container build makes, straight on the socket (no nagare): the
 * floor for the container executor. Same endpoints and bodies as nagare's runtime (API v1.41):
 * create (with init, like a build container) → start → per command exec create → exec start
 * (attached, read to the end) → exec inspect; force-remove at the end.
 */
export class EngineApi {
  private readonly socket: string;
  private readonly live = new Set<string>();

  constructor(dockerHost: string) {
    this.socket = socketPath(dockerHost);
  }

  private open(method: string, path: string, body?: unknown): Promise<IncomingMessage> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((ok, fail) => {
      const req = request({
        socketPath: this.socket,
        method,
        path: `/v1.41${path}`,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {},
      });
      req.once('response', ok);
      req.once('error', fail);
      req.end(payload);
    });
  }

  /** One call, whole body read; a status ≥ 400 (other than `accept`) throws. */
  async call(method: string, path: string, body?: unknown, accept: readonly number[] = []): Promise<{ status: number; body: Buffer }> {
    const res = await this.open(method, path, body);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const status = res.statusCode ?? 0;
    const text = Buffer.concat(chunks);
    if (status >= 400 && !accept.includes(status)) throw new Error(`${method} ${path}: ${status} ${text.toString().slice(0, 300)}`);
    return { status, body: text };
  }

  /**
   * Creates and starts an idle container of `image` as nagare creates a build container: PID 1
   * sleeps, Init reaps, host network, and `binds` (nagare mounts the source and a scratch dir).
   */
  async startIdle(image: string, binds: readonly string[] = []): Promise<string> {
    const created = JSON.parse(
      (
        await this.call('POST', '/containers/create', {
          Image: image,
          Entrypoint: [],
          Cmd: ['sh', '-c', 'while sleep 3600; do :; done'],
          Labels: { 'nagare-bench': String(process.pid) },
          HostConfig: { Init: true, NetworkMode: 'host', Binds: binds },
        })
      ).body.toString(),
    ) as { Id: string };
    this.live.add(created.Id);
    try {
      await this.call('POST', `/containers/${created.Id}/start`);
    } catch (err) {
      await this.remove(created.Id).catch(() => undefined);
      throw err;
    }
    return created.Id;
  }

  /** Runs `cmd` in the container, attached; returns its raw (multiplexed) output and exit code. */
  async exec(id: string, cmd: readonly string[]): Promise<{ output: Buffer; exitCode: number | undefined }> {
    const created = JSON.parse(
      (await this.call('POST', `/containers/${id}/exec`, { AttachStdin: false, AttachStdout: true, AttachStderr: true, Tty: false, Cmd: cmd })).body.toString(),
    ) as { Id: string };
    const { body } = await this.call('POST', `/exec/${created.Id}/start`, { Detach: false, Tty: false });
    const inspected = JSON.parse((await this.call('GET', `/exec/${created.Id}/json`)).body.toString()) as { ExitCode?: number };
    return { output: body, exitCode: inspected.ExitCode };
  }

  async remove(id: string): Promise<void> {
    await this.call('DELETE', `/containers/${id}?force=true&v=true`, undefined, [404]);
    this.live.delete(id);
  }

  /**
   * Removes the containers nagare made for the given builds (label `nagare.build-uuid`, the uuid
   * part of `<project>:<uuid>`) that are still there; returns how many. A server that stops
   * cleanly leaves none; this catches what an interrupted or killed one left behind.
   */
  async removeBuildContainers(buildIds: Iterable<string>): Promise<number> {
    const uuids = new Set([...buildIds].map((id) => id.slice(id.lastIndexOf(':') + 1)));
    if (uuids.size === 0) return 0;
    const filters = encodeURIComponent(JSON.stringify({ label: ['nagare.build-uuid'] }));
    const found = JSON.parse((await this.call('GET', `/containers/json?all=true&filters=${filters}`)).body.toString()) as { Id: string; Labels?: Record<string, string> }[];
    const ours = found.filter((c) => uuids.has(c.Labels?.['nagare.build-uuid'] ?? ''));
    for (const c of ours) await this.call('DELETE', `/containers/${c.Id}?force=true&v=true`, undefined, [404]);
    return ours.length;
  }

  /** Containers this object started and did not remove yet (for cleanup on exit). */
  leftovers(): string[] {
    return [...this.live];
  }
}

/** The printable lines of a multiplexed (non-TTY) exec stream: 8-byte frame headers dropped. */
export function demuxLines(raw: Buffer): string[] {
  const parts: Buffer[] = [];
  for (let i = 0; i + 8 <= raw.length; ) {
    const size = raw.readUInt32BE(i + 4);
    parts.push(raw.subarray(i + 8, i + 8 + size));
    i += 8 + size;
  }
  return Buffer.concat(parts).toString().split('\n');
}

/**
 * Two bind mounts like a build container's (source and scratch dir), from a temp dir of this
 * benchmark (removed on exit), for the floors to create containers the way nagare does.
 */
export async function buildLikeBinds(): Promise<string[]> {
  const d = await makeTempDir('engine-binds');
  await mkdir(join(d, 'src'));
  await mkdir(join(d, 'tmp'));
  return [`${join(d, 'src')}:/codebuild/output/src`, `${join(d, 'tmp')}:/codebuild/output/tmp`];
}

/** Idle containers alive right now, removed synchronously (podman CLI) if the process exits first. */
const idle = new Set<string>();
let exitHooked = false;

/**
 * Runs `fn` with an idle container of `image` (see EngineApi.startIdle), removed afterwards — also
 * on SIGINT/SIGTERM (through the API) and on any other exit (synchronously, with the podman CLI).
 */
export async function withIdleContainer<T>(api: EngineApi, image: string, fn: (id: string) => Promise<T>, binds: readonly string[] = []): Promise<T> {
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => {
      if (idle.size > 0) spawnSync('podman', ['rm', '-f', '-t', '0', ...idle], { stdio: 'ignore' });
    });
  }
  const id = await api.startIdle(image, binds);
  idle.add(id);
  const undo = onInterrupt(() => api.remove(id));
  try {
    return await fn(id);
  } finally {
    await api.remove(id);
    idle.delete(id);
    undo();
  }
}
