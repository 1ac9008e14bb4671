/**
 * Records a new build and its jobs in the caller's transaction (DESIGN.md §3: state and outgoing
 * commands commit together): the build row (SUBMITTED done, QUEUED open, as StartBuild returns it),
 * a timer for the queued timeout, and the build job a worker will claim. Shared by StartBuild and
 * RetryBuild.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../store/index.js';
import { buildArn } from '../executor/index.js';
import { codebuildError, projectNotFound } from '../projects/errors.js';
import { takeBuildNumber } from '../projects/project-repo.js';
import type { CodeBuildScope, Project } from '../projects/types.js';
import { countRunning, insertBuild, setBuildJob } from './build-repo.js';
import type { CodeBuildDeps } from './deps.js';
import { BUILD_JOB, QUEUED_TIMEOUT_JOB, type BuildJobPayload } from './job-kinds.js';
import { submittedPhases } from './lifecycle.js';
import type { Build, BuildSettings } from './types.js';

export interface Idempotency {
  token: string;
  requestHash: string;
}

export async function enqueueBuild(
  deps: Pick<CodeBuildDeps, 'clock' | 'queue'>,
  tx: Queryable,
  scope: CodeBuildScope,
  project: Project,
  settings: BuildSettings,
  idempotency?: Idempotency,
): Promise<Build> {
  const limit = project.settings.concurrentBuildLimit;
  if (limit !== undefined && (await countRunning(tx, scope, project.name)) >= limit) {
    // Wording unverified: AWS throttles builds over the project's concurrentBuildLimit (spec B.4).
    throw codebuildError('AccountLimitExceeded', `Build limit exceeded: project ${project.name} allows at most ${limit} concurrent builds`);
  }
  const buildNumber = await takeBuildNumber(tx, scope, project.name);
  if (buildNumber === undefined) throw projectNotFound(scope, project.name);
  const uuid = randomUUID();
  const now = deps.clock.now();
  const identity = { region: scope.region, accountId: scope.accountId, projectName: project.name, buildUuid: uuid };
  const build: Build = {
    scope,
    id: `${project.name}:${uuid}`,
    uuid,
    arn: buildArn(identity),
    projectName: project.name,
    buildNumber,
    buildStatus: 'IN_PROGRESS',
    currentPhase: 'QUEUED',
    buildComplete: false,
    startTime: now,
    phases: submittedPhases(now),
    settings,
    outcome: {},
    stopRequested: false,
  };
  await insertBuild(tx, { build, ...(idempotency ? { idempotencyToken: idempotency.token, requestHash: idempotency.requestHash } : {}) });
  const payload: BuildJobPayload = { accountId: scope.accountId, region: scope.region, buildId: build.id };
  const queuedTimeoutMs = deps.clock.scaledDelayMs(settings.queuedTimeoutInMinutes * 60_000);
  const timerJobId = await deps.queue.enqueue(tx, QUEUED_TIMEOUT_JOB, payload, { runAt: new Date(now.getTime() + queuedTimeoutMs), maxAttempts: 5 });
  // One attempt runs user commands; a reclaimed lease (attempt 2) only records the interruption.
  const jobId = await deps.queue.enqueue(tx, BUILD_JOB, { ...payload, timerJobId }, { maxAttempts: 3 });
  await setBuildJob(tx, scope, build.id, jobId);
  return build;
}
