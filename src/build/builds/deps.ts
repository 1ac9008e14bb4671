import type { JobQueue } from '../../engine/index.js';
import type { ContainerRuntime } from '../../runtime/index.js';
import type { Cipher } from '../../secrets/index.js';
import type { Clock, Logger } from '../../shared/index.js';
import type { BlobStore, Db } from '../../store/index.js';

/** Keys the server hands to builds so `aws` inside a build reaches nagare (masked in logs). */
export interface BuildCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** What the build use cases and the build worker need (wired in src/bin/services.ts). */
export interface CodeBuildDeps {
  db: Db;
  /** The S3 blob store: S3 sources are read from it and artifacts written to it. */
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  /** Decrypts SecureString parameters and secrets for `parameter-store` / `secrets-manager` env. */
  cipher: Cipher;
  /** Workspaces live under `<dataDir>/builds/<uuid>` while a build runs. */
  dataDir: string;
  /** Builds this process runs at once (the `codebuild` worker lane). Default 4. */
  buildConcurrency?: number;
  /** PATH for build commands (the server's own PATH, read once in bin/). */
  hostPath?: string;
  credentials?: BuildCredentials;
  /** SIGTERM → SIGKILL grace when a build's processes are killed (default 3000 ms). */
  killGraceMs?: number;
  /**
   * The container executor (`nagare up --build-executor container`): builds run in their project's
   * `environment.image` through this engine. Absent: the local executor.
   */
  container?: BuildContainerEngine;
}

export interface BuildContainerEngine {
  runtime: ContainerRuntime;
  /** The engine's unix socket on this host, mounted into privileged builds (`docker build` inside). */
  socketPath: string;
  /** What `aws/codebuild/*` images that do not exist locally map to (default localhost/busybox:latest). */
  defaultImage?: string;
}

/** Label on every build container: its build's uuid, so leftovers of a crash can be found and removed. */
export const BUILD_CONTAINER_LABEL = 'nagare.build-uuid';

export const DEFAULT_BUILD_CONCURRENCY = 4;
