import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { builds, projects } from '../../src/build/index.js';
import { JobQueue, type Job, type JobHandler } from '../../src/engine/index.js';
import { getLogEvents } from '../../src/logs/index.js';
import { createBucket, putObject, resolveObject } from '../../src/objects/index.js';
import { createCipher } from '../../src/secrets/index.js';
import { SystemClock, silentLogger } from '../../src/shared/index.js';
import { FsBlobStore } from '../../src/store/index.js';
import { forEachDatabase } from '../support/databases.js';

/**
 * The contract the CodePipeline engine builds on (spec A.12 `CODEPIPELINE`, A.14, C.7): StartBuild
 * with `pipeline` inputs (zips in the artifact store) and outputs; the first input is
 * `$CODEBUILD_SRC_DIR`, others `$CODEBUILD_SRC_DIR_<name>`; CODEBUILD_SOURCE_VERSION is the input
 * zip's S3 ARN and the resolved version the revision passed in (Surprise 13); several outputs come
 * from `secondary-artifacts` named after them (Surprise 11); exported variables are on the build.
 */

const scope = { accountId: '000000000000', region: 'us-east-1' };
const SPEC = [
  'version: 0.2',
  'env:',
  '  exported-variables: [IMAGE_TAG]',
  'phases:',
  '  build:',
  '    commands:',
  '      - echo "version=$CODEBUILD_SOURCE_VERSION resolved=$CODEBUILD_RESOLVED_SOURCE_VERSION"',
  '      - echo "config=$(cat $CODEBUILD_SRC_DIR_ConfigArtifact/config.txt)"',
  '      - IMAGE_TAG=$(cat app.txt)',
  '      - echo "{\\"tag\\":\\"$IMAGE_TAG\\"}" > imagedefinitions.json && echo report > report.txt',
  'artifacts:',
  '  files: [imagedefinitions.json]',
  '  secondary-artifacts:',
  '    BuildOutput:',
  '      files: [imagedefinitions.json]',
  '    ReportOutput:',
  '      files: [report.txt]',
  '',
].join('\n');

forEachDatabase((open, kind) => {
  test(`a CODEPIPELINE build reads input artifacts and writes output artifacts (${kind})`, async () => {
    const db = await open();
    const dataDir = await mkdtemp(join(tmpdir(), 'nagare-cb-cp-'));
    try {
      const clock = new SystemClock();
      const blobs = await FsBlobStore.open(join(dataDir, 'blobs'));
      const deps: builds.CodeBuildDeps = { db, blobs, clock, logger: silentLogger, queue: new JobQueue(clock), cipher: createCipher(Buffer.alloc(32, 1)), dataDir, killGraceMs: 200 };
      const objects = { db, blobs, clock, logger: silentLogger };
      await createBucket(objects, { name: 'artifact-store', requestRegion: 'us-east-1', ownerAccount: scope.accountId });
      const put = async (key: string, files: Record<string, string>): Promise<void> => {
        const body = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
        await putObject(objects, { bucket: 'artifact-store', key, body: (async function* () { yield body; })(), attributes: { headers: {}, meta: {}, tags: [], storageClass: 'STANDARD' }, expect: {} });
      };
      await put('pipe/SourceArti/abc.zip', { 'buildspec.yml': SPEC, 'app.txt': 'v42' });
      await put('pipe/ConfigArti/def.zip', { 'config.txt': 'prod' });
      await projects.createProject(deps, scope, {
        name: 'cp-build',
        source: { type: 'CODEPIPELINE' },
        artifacts: { type: 'CODEPIPELINE' },
        environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
        serviceRole: 'role',
      });
      await assert.rejects(builds.startBuild(deps, scope, { projectName: 'cp-build', overrides: {}, initiator: 'x' }), /started by CodePipeline/);
      const b = await builds.startBuild(deps, scope, {
        projectName: 'cp-build',
        overrides: {},
        initiator: 'codepipeline/pipe',
        notify: { kind: 'pipeline.action-done', payload: { executionId: 'exec-1' } },
        pipeline: {
          pipelineName: 'pipe',
          inputs: [
            { name: 'SourceArtifact', bucket: 'artifact-store', key: 'pipe/SourceArti/abc.zip', revision: 'f2194c1757bbdcb0f8f229254a4b3c8b27d43e0b' },
            { name: 'ConfigArtifact', bucket: 'artifact-store', key: 'pipe/ConfigArti/def.zip' },
          ],
          outputs: [
            { name: 'BuildOutput', bucket: 'artifact-store', key: 'pipe/BuildOutpu/out1.zip' },
            { name: 'ReportOutput', bucket: 'artifact-store', key: 'pipe/ReportOutp/out2.zip' },
          ],
        },
      });
      const row = (await db.query<{ id: number; kind: string; payload: Record<string, unknown> }>(`SELECT id, kind, payload FROM jobs WHERE kind = 'codebuild.build' AND payload->>'buildId' = $1`, [b.id])).rows[0]!;
      const handlers = Object.assign({}, ...builds.codebuildLanes(deps, new builds.RunningBuilds()).map((l) => l.handlers)) as Record<string, JobHandler>;
      const job: Job = { ...row, dedupeKey: null, status: 'running', runAt: new Date(), attempt: 1, maxAttempts: 3, leasedBy: 'w', leaseExpiresAt: null, lastError: null };
      await handlers['codebuild.build']!(job, { signal: new AbortController().signal, workerId: 'w' });

      const [done] = (await builds.batchGetBuilds(deps, scope, [b.id])).builds;
      const notified = (await db.query<{ payload: Record<string, unknown> }>(`SELECT payload FROM jobs WHERE kind = 'pipeline.action-done'`)).rows;
      assert.deepEqual(notified.map((r) => r.payload), [{ executionId: 'exec-1', buildId: b.id, buildArn: b.arn, buildStatus: 'SUCCEEDED' }], 'completion enqueues the callback job');
      assert.equal(done!.buildStatus, 'SUCCEEDED', JSON.stringify(done!.phases));
      assert.equal(done!.outcome.resolvedSourceVersion, 'f2194c1757bbdcb0f8f229254a4b3c8b27d43e0b');
      assert.deepEqual(done!.outcome.exportedEnvironmentVariables, [{ name: 'IMAGE_TAG', value: 'v42' }]);
      assert.deepEqual(done!.outcome.secondaryArtifacts?.map((a) => [a.artifactIdentifier, a.location]), [
        ['BuildOutput', 'arn:aws:s3:::artifact-store/pipe/BuildOutpu/out1.zip'],
        ['ReportOutput', 'arn:aws:s3:::artifact-store/pipe/ReportOutp/out2.zip'],
      ]);
      const read = async (key: string): Promise<Record<string, string>> => {
        const { version } = await resolveObject(db, { bucket: 'artifact-store', key });
        const chunks: Buffer[] = [];
        for await (const chunk of blobs.read(version.blobId!)) chunks.push(chunk as Buffer);
        return Object.fromEntries(Object.entries(unzipSync(Buffer.concat(chunks))).map(([n, d]) => [n, Buffer.from(d).toString()]));
      };
      assert.deepEqual(await read('pipe/BuildOutpu/out1.zip'), { 'imagedefinitions.json': '{"tag":"v42"}\n' });
      assert.deepEqual(await read('pipe/ReportOutp/out2.zip'), { 'report.txt': 'report\n' });
      const log = await getLogEvents({ db, clock, logger: silentLogger }, scope, { group: '/aws/codebuild/cp-build', stream: b.uuid, startFromHead: true });
      const lines = log.events.map((e) => e.message.trimEnd());
      assert.ok(lines.includes('version=arn:aws:s3:::artifact-store/pipe/SourceArti/abc.zip resolved=f2194c1757bbdcb0f8f229254a4b3c8b27d43e0b'), lines.join('\n'));
      assert.ok(lines.includes('config=prod'));
    } finally {
      await db.dispose();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
