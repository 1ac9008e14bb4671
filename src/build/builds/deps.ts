import type { JobQueue } from '../../engine/index.js';
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
}

export const DEFAULT_BUILD_CONCURRENCY = 4;
