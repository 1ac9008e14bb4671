/**
 * The container engine as the rest of nagare sees it (DESIGN.md §2 `runtime/`): enough to run a
 * build inside one long-lived container — check or pull an image, create/start/stop/remove a
 * container, and exec commands in it with their output streamed and their exit code returned.
 */

export interface ContainerSpec {
  image: string;
  /** Replaces the image's ENTRYPOINT (an empty list clears it). */
  entrypoint?: string[];
  cmd: string[];
  env?: Record<string, string>;
  workingDir?: string;
  /** `host:container[:ro]` bind mounts. */
  binds?: string[];
  privileged?: boolean;
  /** Run an init as PID 1 so stop/kill are immediate and orphans are reaped. */
  init?: boolean;
  labels?: Record<string, string>;
  name?: string;
  /** HostConfig.NetworkMode, e.g. `host` (default: the engine's default network). */
  networkMode?: string;
}

export interface ExecSpec {
  cmd: string[];
  env?: Record<string, string>;
  workingDir?: string;
  user?: string;
}

export type ExecStream = 'stdout' | 'stderr';

/** Receives output chunks in order; a returned promise pauses the exec's output until it settles. */
export type ExecSink = (stream: ExecStream, chunk: Buffer) => void | Promise<void>;

export interface ExecResult {
  /** null when the exec did not finish normally (the container was killed underneath it). */
  exitCode: number | null;
}

export interface ContainerRuntime {
  /** Resolves when the engine answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  imageExists(image: string): Promise<boolean>;
  /**
   * Pulls `image`; rejects with the engine's message (errors arrive inside the progress stream).
   * `signal` cancels the wait (an interrupted build): the call rejects at once.
   */
  pullImage(image: string, signal?: AbortSignal): Promise<void>;
  /** Creates a container and returns its id. */
  createContainer(spec: ContainerSpec): Promise<string>;
  startContainer(id: string): Promise<void>;
  exec(id: string, spec: ExecSpec, sink: ExecSink): Promise<ExecResult>;
  /** SIGTERM, then SIGKILL after `timeoutSeconds` (the engine's `stop`). */
  stopContainer(id: string, timeoutSeconds: number): Promise<void>;
  /**
   * SIGKILL now; a container that is already gone or stopped is not an error. This and the
   * removals below give up (reject) after a bounded time when the engine does not answer.
   */
  killContainer(id: string): Promise<void>;
  /** Force-removes the container and its anonymous volumes; a missing container is not an error. */
  removeContainer(id: string): Promise<void>;
  /** Force-removes every container (running or not) carrying label `key=value`; returns how many. */
  removeContainersByLabel(key: string, value: string): Promise<number>;
}

/** The engine answered with an error status (or, with status 0, did not answer in time / the call was cancelled). */
export class EngineError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
