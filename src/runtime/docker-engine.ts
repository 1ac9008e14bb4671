/**
 * ContainerRuntime over the Docker Engine API on a unix socket — dockerd, or podman's
 * Docker-compatible service (`podman system service unix:///run/podman/podman.sock`).
 */
import type { IncomingMessage } from 'node:http';
import { FrameDemuxer } from './demux.js';
import { socketPathOf } from './docker-host.js';
import { EngineHttp, messageOf, readAll } from './engine-http.js';
import type { ContainerRuntime, ContainerSpec, ExecResult, ExecSink, ExecSpec } from './types.js';
import { EngineError } from './types.js';

/**
 * How long a kill or removal may wait for the engine. They run when a build ends — also while the
 * server shuts down, which must finish in bounded time even if the engine stops answering.
 */
const TEARDOWN_TIMEOUT_MS = 10_000;
const teardown = { timeoutMs: TEARDOWN_TIMEOUT_MS };

export class DockerEngine implements ContainerRuntime {
  private readonly http: EngineHttp;
  readonly socketPath: string;

  /** `dockerHost`: a DOCKER_HOST value (`unix:///path`) or a socket path. */
  constructor(dockerHost?: string) {
    this.socketPath = socketPathOf(dockerHost);
    this.http = new EngineHttp(this.socketPath);
  }

  async ping(): Promise<void> {
    await this.http.call('GET', '/_ping');
  }

  async imageExists(image: string): Promise<boolean> {
    const res = await this.http.call('GET', `/images/${encodeURIComponent(image)}/json`, undefined, [404]);
    return res.status === 200;
  }

  async pullImage(image: string, signal?: AbortSignal): Promise<void> {
    let text: string;
    let res: IncomingMessage;
    try {
      res = await this.http.open('POST', `/images/create?fromImage=${encodeURIComponent(image)}`, undefined, signal);
      text = await readAll(res);
    } catch (err) {
      if (signal?.aborted) throw new EngineError(0, `pull ${image}: cancelled`);
      throw err;
    }
    if ((res.statusCode ?? 0) >= 400) throw new EngineError(res.statusCode ?? 0, `pull ${image}: ${messageOf(text)}`);
    // A failed pull can still answer 200: the error is a line of the progress stream.
    for (const line of text.split('\n')) {
      const error = progressError(line);
      if (error !== undefined) throw new EngineError(500, `pull ${image}: ${error}`);
    }
  }

  async createContainer(spec: ContainerSpec): Promise<string> {
    const query = spec.name ? `?name=${encodeURIComponent(spec.name)}` : '';
    const created = await this.http.json<{ Id: string }>('POST', `/containers/create${query}`, {
      Image: spec.image,
      Cmd: spec.cmd,
      ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
      Env: envList(spec.env),
      ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
      Labels: spec.labels ?? {},
      HostConfig: {
        Binds: spec.binds ?? [],
        Privileged: spec.privileged === true,
        Init: spec.init === true,
        ...(spec.networkMode ? { NetworkMode: spec.networkMode } : {}),
      },
    });
    return created.Id;
  }

  async startContainer(id: string): Promise<void> {
    await this.http.call('POST', `/containers/${id}/start`);
  }

  async exec(id: string, spec: ExecSpec, sink: ExecSink): Promise<ExecResult> {
    const created = await this.http.json<{ Id: string }>('POST', `/containers/${id}/exec`, {
      AttachStdin: false,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      Cmd: spec.cmd,
      Env: envList(spec.env),
      ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
      ...(spec.user ? { User: spec.user } : {}),
    });
    const res = await this.http.open('POST', `/exec/${created.Id}/start`, { Detach: false, Tty: false });
    if ((res.statusCode ?? 0) >= 400) throw new EngineError(res.statusCode ?? 0, `exec start: ${messageOf(await readAll(res))}`);
    await drain(res, sink);
    const inspected = await this.http.call('GET', `/exec/${created.Id}/json`, undefined, [404]);
    if (inspected.status === 404) return { exitCode: null };
    const state = JSON.parse(inspected.body) as { ExitCode?: number | null; Running?: boolean };
    return { exitCode: state.Running === true || typeof state.ExitCode !== 'number' ? null : state.ExitCode };
  }

  async stopContainer(id: string, timeoutSeconds: number): Promise<void> {
    const options = { timeoutMs: TEARDOWN_TIMEOUT_MS + Math.max(0, timeoutSeconds) * 1000 };
    await this.http.call('POST', `/containers/${id}/stop?t=${Math.max(0, Math.round(timeoutSeconds))}`, undefined, [304, 404], options);
  }

  async killContainer(id: string): Promise<void> {
    // 409: not running; 404: gone — both mean there is nothing left to kill.
    await this.http.call('POST', `/containers/${id}/kill?signal=KILL`, undefined, [404, 409, 500], teardown);
  }

  async removeContainer(id: string): Promise<void> {
    await this.http.call('DELETE', `/containers/${id}?force=true&v=true`, undefined, [404], teardown);
  }

  async removeContainersByLabel(key: string, value: string): Promise<number> {
    const filters = encodeURIComponent(JSON.stringify({ label: [`${key}=${value}`] }));
    const listed = await this.http.call('GET', `/containers/json?all=true&filters=${filters}`, undefined, [], teardown);
    const found = JSON.parse(listed.body) as { Id: string }[];
    for (const c of found) await this.removeContainer(c.Id);
    return found.length;
  }
}

function envList(env: Record<string, string> | undefined): string[] {
  return Object.entries(env ?? {}).map(([k, v]) => `${k}=${v}`);
}

function progressError(line: string): string | undefined {
  if (line.trim() === '') return undefined;
  try {
    const parsed = JSON.parse(line) as { error?: unknown; errorDetail?: { message?: unknown } };
    if (typeof parsed.errorDetail?.message === 'string') return parsed.errorDetail.message;
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    // a non-JSON progress line carries no error
  }
  return undefined;
}

/** Demuxes the exec stream into the sink, pausing the socket while the sink applies backpressure. */
function drain(res: IncomingMessage, sink: ExecSink): Promise<void> {
  const demux = new FrameDemuxer();
  // The sink settles in order, so resuming when the latest pending delivery settles is enough.
  let latest: Promise<void> | undefined;
  return new Promise((ok) => {
    res.on('data', (chunk: Buffer) => {
      for (const frame of demux.push(chunk)) {
        const pending = sink(frame.stream, frame.payload);
        if (!pending) continue;
        latest = pending;
        res.pause();
        void pending.then(() => {
          if (latest === pending) res.resume();
        });
      }
    });
    // The stream ends when the command exits — or when its container is killed (then `aborted`/error).
    res.once('end', () => ok());
    res.once('close', () => ok());
    res.once('error', () => ok());
  });
}
