import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { builds, projects } from '../../src/build/index.js';
import { JobQueue, type Job, type JobHandler } from '../../src/engine/index.js';
import { getLogEvents } from '../../src/logs/index.js';
import { createCipher } from '../../src/secrets/index.js';
import { AppError, FakeClock, SystemClock, silentLogger, type Clock } from '../../src/shared/index.js';
import { FsBlobStore } from '../../src/store/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

/**
 * The CodeBuild domain against real databases (PGlite and PostgreSQL): projects, the StartBuild
 * transaction (build row + jobs), StopBuild and the queued timeout while QUEUED, idempotency,
 * paging, the worker's handling of a reclaimed job after a crash, and one real run through the
 * build job handler with its log in the logs tables.
 */

const scope = { accountId: '000000000000', region: 'us-east-1' };
const SPEC = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hello-from-the-handler\n';
type Db = Awaited<ReturnType<OpenTestDb>>;

async function setup(open: OpenTestDb, clock: Clock = new FakeClock(Date.UTC(2026, 0, 1))) {
  const db = await open();
  const dataDir = await mkdtemp(join(tmpdir(), 'nagare-cb-int-'));
  const deps: builds.CodeBuildDeps = {
    db,
    blobs: await FsBlobStore.open(join(dataDir, 'blobs')),
    clock,
    logger: silentLogger,
    queue: new JobQueue(clock),
    cipher: createCipher(Buffer.alloc(32, 7)),
    dataDir,
    killGraceMs: 200,
  };
  await projects.createProject(deps, scope, {
    name: 'demo',
    source: { type: 'NO_SOURCE', buildspec: SPEC },
    artifacts: { type: 'NO_ARTIFACTS' },
    environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
    serviceRole: 'role',
  });
  return {
    deps,
    db,
    async dispose() {
      await db.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const start = (deps: builds.CodeBuildDeps, extra: Partial<builds.StartBuildInput> = {}): Promise<builds.Build> =>
  builds.startBuild(deps, scope, { projectName: 'demo', overrides: {}, initiator: 'tester', ...extra });

function handlers(deps: builds.CodeBuildDeps): Record<string, JobHandler> {
  return Object.assign({}, ...builds.codebuildLanes(deps, new builds.RunningBuilds()).map((l) => l.handlers)) as Record<string, JobHandler>;
}

async function jobsOf(db: Db, buildId: string): Promise<{ id: number; kind: string; status: string; run_at: Date; payload: Record<string, unknown> }[]> {
  const r = await db.query<{ id: number; kind: string; status: string; run_at: Date; payload: Record<string, unknown> }>(
    `SELECT id, kind, status, run_at, payload FROM jobs WHERE payload->>'buildId' = $1 ORDER BY id`,
    [buildId],
  );
  return r.rows;
}

function fakeJob(row: { id: number; kind: string; payload: Record<string, unknown> }, attempt: number): Job {
  return { id: row.id, kind: row.kind, dedupeKey: null, payload: row.payload, status: 'running', runAt: new Date(), attempt, maxAttempts: 3, leasedBy: 'w', leaseExpiresAt: null, lastError: null };
}

const ctx = { signal: new AbortController().signal, workerId: 'w' };

forEachDatabase((open, kind) => {
  test(`projects: defaults, duplicate, partial update, batch get by ARN, paging (${kind})`, async () => {
    const t = await setup(open);
    try {
      const [p] = (await projects.batchGetProjects(t.deps, scope, ['arn:aws:codebuild:us-east-1:000000000000:project/demo'])).projects;
      assert.equal(p?.settings.timeoutInMinutes, 60);
      assert.equal(p?.settings.queuedTimeoutInMinutes, 480);
      assert.equal(p?.settings.serviceRole, 'arn:aws:iam::000000000000:role/role');
      await assert.rejects(
        projects.createProject(t.deps, scope, { name: 'demo', source: { type: 'NO_SOURCE', buildspec: SPEC }, artifacts: { type: 'NO_ARTIFACTS' }, environment: p.settings.environment, serviceRole: 'r' }),
        (e: unknown) => e instanceof AppError && e.code === 'ProjectAlreadyExists',
      );
      const u = await projects.updateProject(t.deps, scope, 'demo', { description: 'd' });
      assert.equal(u.settings.description, 'd');
      assert.deepEqual(u.settings.source, p.settings.source);
      for (let i = 0; i < 104; i++) {
        await projects.createProject(t.deps, scope, { name: `p-${String(i).padStart(3, '0')}`, source: { type: 'NO_SOURCE', buildspec: SPEC }, artifacts: { type: 'NO_ARTIFACTS' }, environment: p.settings.environment, serviceRole: 'r' });
      }
      const first = await projects.listProjects(t.deps, scope, { sortBy: 'NAME', sortOrder: 'ASCENDING' });
      assert.equal(first.projects.length, 100);
      assert.equal(first.projects[0], 'demo');
      const second = await projects.listProjects(t.deps, scope, { sortBy: 'NAME', sortOrder: 'ASCENDING', nextToken: first.nextToken! });
      assert.deepEqual(second.projects, ['p-099', 'p-100', 'p-101', 'p-102', 'p-103']);
      assert.equal(second.nextToken, undefined);
      await assert.rejects(projects.listProjects(t.deps, scope, { nextToken: 'garbage' }), (e: unknown) => e instanceof AppError && e.code === 'InvalidInput');
    } finally {
      await t.dispose();
    }
  });

  test(`StartBuild writes the build and its jobs in one transaction; numbers never repeat (${kind})`, async () => {
    const t = await setup(open);
    try {
      const started = await Promise.all([1, 2, 3, 4, 5].map(() => start(t.deps)));
      assert.deepEqual(started.map((b) => b.buildNumber).sort(), [1, 2, 3, 4, 5]);
      const b = started[0]!;
      assert.equal(b.currentPhase, 'QUEUED');
      const jobs = await jobsOf(t.db, b.id);
      assert.deepEqual(jobs.map((j) => [j.kind, j.status]), [['codebuild.queued-timeout', 'queued'], ['codebuild.build', 'queued']]);
      assert.equal(jobs[0]!.run_at.getTime(), b.startTime.getTime() + 480 * 60_000, 'queued timeout timer due after queuedTimeoutInMinutes');
      await assert.rejects(
        builds.startBuild(t.deps, scope, { projectName: 'nope', overrides: {}, initiator: 'x' }),
        (e: unknown) => e instanceof AppError && e.code === 'ProjectNotFound' && e.message === 'Project cannot be found: arn:aws:codebuild:us-east-1:000000000000:project/nope',
      );
      const page = await builds.listBuildsForProject(t.deps, scope, 'demo', {});
      assert.deepEqual(page.ids, [...started].sort((x, y) => y.buildNumber - x.buildNumber).map((x) => x.id), 'newest (highest number) first');
    } finally {
      await t.dispose();
    }
  });

  test(`StopBuild while QUEUED stops at once and cancels the job; the queued timeout ends a waiting build (${kind})`, async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1));
    const t = await setup(open, clock);
    try {
      const b = await start(t.deps);
      const stopped = await builds.stopBuild(t.deps, scope, b.arn);
      assert.equal(stopped.buildStatus, 'STOPPED');
      assert.deepEqual(stopped.phases.map((p) => `${p.phaseType}:${p.phaseStatus ?? ''}`), ['SUBMITTED:SUCCEEDED', 'QUEUED:STOPPED', 'COMPLETED:']);
      assert.equal((await jobsOf(t.db, b.id)).find((j) => j.kind === 'codebuild.build')!.status, 'cancelled');

      const waiting = await start(t.deps, { overrides: { queuedTimeoutInMinutesOverride: 5 } });
      const timer = (await jobsOf(t.db, waiting.id)).find((j) => j.kind === 'codebuild.queued-timeout')!;
      clock.advance(5 * 60_000);
      await handlers(t.deps)['codebuild.queued-timeout']!(fakeJob(timer, 1), ctx);
      const [after] = (await builds.batchGetBuilds(t.deps, scope, [waiting.id])).builds;
      assert.equal(after!.buildStatus, 'TIMED_OUT');
      assert.equal(after!.phases[1]!.phaseStatus, 'TIMED_OUT');
      assert.equal((await jobsOf(t.db, waiting.id)).find((j) => j.kind === 'codebuild.build')!.status, 'cancelled');
    } finally {
      await t.dispose();
    }
  });

  test(`idempotency tokens: replay within 5 minutes, mismatch, expiry (${kind})`, async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1));
    const t = await setup(open, clock);
    try {
      const a = await start(t.deps, { idempotencyToken: 'tok' });
      assert.equal((await start(t.deps, { idempotencyToken: 'tok' })).id, a.id);
      await assert.rejects(start(t.deps, { idempotencyToken: 'tok', overrides: { timeoutInMinutesOverride: 9 } }), (e: unknown) => e instanceof AppError && e.code === 'InvalidInput');
      clock.advance(5 * 60_000 + 1);
      assert.notEqual((await start(t.deps, { idempotencyToken: 'tok' })).id, a.id);
    } finally {
      await t.dispose();
    }
  });

  test(`a job reclaimed after a crash fails a started build instead of re-running it (${kind})`, async () => {
    const t = await setup(open);
    try {
      const b = await start(t.deps);
      // What a worker had written before the server died: QUEUED done, the build running.
      await t.db.query(`UPDATE codebuild_builds SET current_phase = 'BUILD', phases = $2::jsonb WHERE id = $1`, [
        b.id,
        JSON.stringify([...b.phases.slice(0, 1), { ...b.phases[1], phaseStatus: 'SUCCEEDED', endTime: b.startTime, durationInSeconds: 0 }, { phaseType: 'BUILD', startTime: b.startTime }]),
      ]);
      const job = (await jobsOf(t.db, b.id)).find((j) => j.kind === 'codebuild.build')!;
      const result = await handlers(t.deps)['codebuild.build']!(fakeJob(job, 2), ctx);
      assert.deepEqual(result, { buildId: b.id, ran: false });
      const [after] = (await builds.batchGetBuilds(t.deps, scope, [b.id])).builds;
      assert.equal(after!.buildStatus, 'FAILED');
      assert.equal(after!.buildComplete, true);
      const last = after!.phases[after!.phases.length - 2]!;
      assert.equal(last.phaseType, 'BUILD');
      assert.deepEqual(last.contexts, [builds.INTERRUPTED_CONTEXT]);
    } finally {
      await t.dispose();
    }
  });

  test(`the build job handler runs a build: phases, log events, completed job result (${kind})`, async () => {
    const t = await setup(open, new SystemClock());
    try {
      const b = await start(t.deps, { overrides: { environmentVariablesOverride: [{ name: 'X', value: '1' }] } });
      const job = (await jobsOf(t.db, b.id)).find((j) => j.kind === 'codebuild.build')!;
      // Attempt 2 of a build still QUEUED (the crash came before the claim was recorded): it runs.
      assert.deepEqual(await handlers(t.deps)['codebuild.build']!(fakeJob(job, 2), ctx), { buildId: b.id, ran: true });
      const [done] = (await builds.batchGetBuilds(t.deps, scope, [b.id])).builds;
      assert.equal(done!.buildStatus, 'SUCCEEDED');
      assert.equal(done!.phases.length, 11);
      const events = await getLogEvents({ db: t.db, clock: t.deps.clock, logger: silentLogger }, scope, { group: '/aws/codebuild/demo', stream: b.uuid, startFromHead: true });
      assert.ok(events.events.some((e) => e.message === 'hello-from-the-handler\n'), JSON.stringify(events.events.map((e) => e.message)));
      const del = await builds.batchDeleteBuilds(t.deps, scope, [b.id, 'demo:missing']);
      assert.deepEqual(del, { deleted: [b.arn], notDeleted: [{ id: 'demo:missing', statusCode: 'BUILD_NOT_FOUND' }] });
    } finally {
      await t.dispose();
    }
  });
});
