import type { builds } from '../build/index.js';
import type { Cipher } from '../secrets/index.js';
import type { JobQueue } from '../engine/index.js';
import type { SourceDeps } from '../source/index.js';
import type { Clock, Logger } from '../shared/index.js';
import type { BlobStore, Db } from '../store/index.js';

/** What the pipeline engine and its action runners need (wired in src/bin/services.ts). */
export interface PipelineDeps {
  db: Db;
  /** The S3 blob store: the artifact store bucket lives in nagare's S3. */
  blobs: BlobStore;
  clock: Clock;
  /** Seals secret action configuration and webhook secrets at rest (sealed-secrets.ts). */
  cipher: Cipher;
  logger: Logger;
  queue: JobQueue;
  /** Scratch space for zips on their way in and out of the artifact store. */
  dataDir: string;
  /** CodeBuild actions start builds through the build module. */
  codebuild: builds.CodeBuildDeps;
  /** The server's own base URL once it listens (builds started by pipelines call back to it). */
  endpoint?: () => string | undefined;
  /** CodeCommit source actions read nagare's hosted repositories. */
  source: Pick<SourceDeps, 'db' | 'dataDir' | 'hostPath'>;
  /**
   * `--git-remotes`: repositories of CodeStarSourceConnection / GitHub v1 sources read from these
   * URLs instead of a hosted repository (actions/remote-repository.ts). Pattern → URL template.
   */
  gitRemotes?: readonly { pattern: string; url: string }[];
}
