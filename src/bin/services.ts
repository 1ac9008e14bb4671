import type { AwsService, InternalRoute } from '../aws/index.js';
import type { JobHandler, JobQueue } from '../engine/index.js';
import type { BackgroundTask, Clock, Logger } from '../shared/index.js';
import type { BlobStore, Db } from '../store/index.js';
import type { ObjectCreatedEvent } from '../objects/index.js';
import { createS3Service } from '../services/s3/index.js';
import { createSsmService } from '../services/ssm/index.js';
import { createSecretsManagerService } from '../services/secretsmanager/index.js';
import { createLogsService } from '../services/logs/index.js';
import { createCodeBuildService } from '../services/codebuild/index.js';
import { createCodeCommitService } from '../services/codecommit/index.js';
import { createCodePipelineService } from '../services/codepipeline/index.js';
import { createCodeConnectionsService } from '../services/codeconnections/index.js';
import { createCipher } from '../secrets/index.js';
import type { builds } from '../build/index.js';
import { onPush, onS3Object, pipelineLanes, pollSourcesTask, type PipelineDeps } from '../pipeline/index.js';

export interface ServiceDeps {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
  /** 32-byte key that encrypts SecureString parameters and secrets at rest. */
  masterKey: Buffer;
  /** The durable job queue long-running work goes through (builds, deployments, timers). */
  queue: JobQueue;
  /** The server's data directory (build workspaces live under it). */
  dataDir: string;
  /** PATH given to build commands (the server's own, read once in bin/). */
  hostPath?: string;
  /** Builds this server runs at once; more wait QUEUED. */
  buildConcurrency?: number;
  /** The key pair clients sign with, handed to builds as AWS credentials (masked in their logs). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Every access key id → secret the server accepts (git over HTTP authenticates with them). */
  credentialMap?: ReadonlyMap<string, string>;
  /** The server's base URL once it listens (pipeline-started builds call back to it). */
  endpoint?: () => string | undefined;
  /** Set with `--build-executor container`: builds run in their environment.image on this engine. */
  buildContainer?: builds.BuildContainerEngine;
  /** `--git-remotes`: repositories of connection / GitHub sources read from these git URLs. */
  gitRemotes?: PipelineDeps['gitRemotes'];
  /** Real-time interval between polls of those remotes (already divided by the time scale). */
  pollIntervalMs?: number;
}

/**
 * A set of job kinds run by one Worker with its own concurrency, so long jobs (builds) cannot
 * starve short ones (timers).
 */
export interface WorkerLane {
  name: string;
  concurrency: number;
  handlers: Record<string, JobHandler>;
}

export interface Services {
  services: AwsService[];
  /** Non-AWS HTTP routes served on the same port (git smart HTTP of hosted repositories). */
  routes: InternalRoute[];
  tasks: BackgroundTask[];
  lanes: WorkerLane[];
}

/** Every AWS service this process serves, plus the background work they need. */
export function createServices(deps: ServiceDeps): Services {
  const cipher = createCipher(deps.masterKey);
  // S3 writes start pipelines with S3 sources; the pipeline deps are built further down.
  const listeners: { objectCreated?: (event: ObjectCreatedEvent) => Promise<void> } = {};
  const s3 = createS3Service({
    db: deps.db,
    blobs: deps.blobs,
    clock: deps.clock,
    logger: deps.logger.child({ svc: 's3' }),
    onObjectCreated: async (event) => listeners.objectCreated?.(event),
  });
  const ssm = createSsmService({ db: deps.db, clock: deps.clock, cipher, logger: deps.logger.child({ svc: 'ssm' }) });
  const sm = createSecretsManagerService({ db: deps.db, clock: deps.clock, cipher, logger: deps.logger.child({ svc: 'secretsmanager' }) });
  const logs = createLogsService({ db: deps.db, clock: deps.clock, logger: deps.logger.child({ svc: 'logs' }) });
  const codebuildDeps: builds.CodeBuildDeps = {
    db: deps.db,
    blobs: deps.blobs,
    clock: deps.clock,
    logger: deps.logger.child({ svc: 'codebuild' }),
    queue: deps.queue,
    cipher,
    dataDir: deps.dataDir,
    ...(deps.hostPath === undefined ? {} : { hostPath: deps.hostPath }),
    ...(deps.buildConcurrency === undefined ? {} : { buildConcurrency: deps.buildConcurrency }),
    ...(deps.credentials === undefined ? {} : { credentials: deps.credentials }),
    ...(deps.buildContainer === undefined ? {} : { container: deps.buildContainer }),
  };
  const codebuild = createCodeBuildService(codebuildDeps);
  const pipelineDeps: PipelineDeps = {
    db: deps.db,
    cipher,
    blobs: deps.blobs,
    clock: deps.clock,
    logger: deps.logger.child({ svc: 'codepipeline' }),
    queue: deps.queue,
    dataDir: deps.dataDir,
    codebuild: codebuildDeps,
    source: { db: deps.db, dataDir: deps.dataDir, ...(deps.hostPath === undefined ? {} : { hostPath: deps.hostPath }) },
    ...(deps.endpoint === undefined ? {} : { endpoint: deps.endpoint }),
    ...(deps.gitRemotes === undefined ? {} : { gitRemotes: deps.gitRemotes }),
  };
  listeners.objectCreated = onS3Object(pipelineDeps);
  const codecommit = createCodeCommitService({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger.child({ svc: 'codecommit' }),
    dataDir: deps.dataDir,
    credentials: deps.credentialMap ?? new Map(),
    onPush: onPush(pipelineDeps),
    ...(deps.hostPath === undefined ? {} : { hostPath: deps.hostPath }),
  });
  const codepipeline = createCodePipelineService(pipelineDeps);
  const connections = createCodeConnectionsService({ db: deps.db, clock: deps.clock, logger: deps.logger.child({ svc: 'codeconnections' }) });
  return {
    services: [s3.service, ssm.service, sm.service, logs.service, codebuild.service, codecommit.service, codepipeline.service, ...connections.services],
    routes: [...codecommit.routes, ...codepipeline.routes],
    tasks: [
      ...s3.tasks,
      ...logs.tasks,
      ...codebuild.tasks,
      ...(pipelineDeps.gitRemotes?.length ? [pollSourcesTask(pipelineDeps, deps.pollIntervalMs ?? 60_000)] : []),
    ],
    lanes: [...codebuild.lanes, ...pipelineLanes(pipelineDeps)],
  };
}
