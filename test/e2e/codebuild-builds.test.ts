import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { buildspec, cli, createProject, getBuild, logMessages, phase, phaseSummary, startBuild, waitForBuild, type Build } from '../support/codebuild-harness.js';

/**
 * CodeBuild projects and builds through the real AWS CLI v2 against `nagare up` (spec Part B):
 * NO_SOURCE projects with inline buildspecs, the seeds' create-project / start-build /
 * list-builds-for-project / batch-get-builds / logs flow, phase records, env precedence, secret
 * masking, failure transitions, retry, idempotency and the error shapes.
 */

let nagare: NagareHandle;
let c: ReturnType<typeof cli>;
const SECRET = 's3cr3t-value-42';

const OK_SPEC = buildspec([
  'version: 0.2',
  'env:',
  '  variables:',
  '    FROM_BUILDSPEC: buildspec',
  '    FROM_PROJECT: buildspec',
  '    OVERRIDDEN: buildspec',
  '  parameter-store:',
  '    DB_PASSWORD: /nagare/e2e/secret',
  '  exported-variables:',
  '    - TAG',
  'phases:',
  '  install:',
  '    commands:',
  '      - echo install-ran',
  '  build:',
  '    commands:',
  '      - echo "precedence $FROM_BUILDSPEC $FROM_PROJECT $OVERRIDDEN"',
  '      - echo "secret is $DB_PASSWORD"',
  '      - TAG=v-$CODEBUILD_BUILD_NUMBER',
  '      - echo "number=$CODEBUILD_BUILD_NUMBER id=$CODEBUILD_BUILD_ID"',
  '      - echo "arn=$CODEBUILD_BUILD_ARN"',
  '      - echo "start=$CODEBUILD_START_TIME region=$AWS_REGION initiator=$CODEBUILD_INITIATOR ci=$CODEBUILD_CI log=$CODEBUILD_LOG_PATH"',
]);

const FAILING_SPEC = buildspec([
  'version: 0.2',
  'phases:',
  '  build:',
  '    commands:',
  '      - echo building',
  '      - exit 3',
  '      - echo never-printed',
  '  post_build:',
  '    commands:',
  '      - echo "post_build ran succeeding=$CODEBUILD_BUILD_SUCCEEDING"',
]);

before(async () => {
  nagare = await startNagare();
  c = cli(nagare.endpoint);
  await Promise.all([
    c.ok('ssm', 'put-parameter', '--name', '/nagare/e2e/secret', '--type', 'SecureString', '--value', SECRET),
    createProject(nagare.endpoint, {
      name: 'inline-ok',
      description: 'NO_SOURCE with an inline buildspec',
      source: { type: 'NO_SOURCE', buildspec: OK_SPEC },
      environment: {
        type: 'LINUX_CONTAINER',
        image: 'aws/codebuild/standard:7.0',
        computeType: 'BUILD_GENERAL1_SMALL',
        environmentVariables: [
          { name: 'FROM_PROJECT', value: 'project' },
          { name: 'OVERRIDDEN', value: 'project' },
        ],
      },
    }),
    createProject(nagare.endpoint, { name: 'failing', source: { type: 'NO_SOURCE', buildspec: FAILING_SPEC } }),
  ]);
});
after(async () => {
  await nagare?.stop();
});

describe('a successful build', () => {
  let started: Build;
  let done: Build;
  before(async () => {
    started = await startBuild(nagare.endpoint, '--project-name', 'inline-ok', '--environment-variables-override', 'name=OVERRIDDEN,value=override,type=PLAINTEXT');
    done = await waitForBuild(nagare.endpoint, started.id);
  });

  test('start-build returns at once: IN_PROGRESS, QUEUED, SUBMITTED done (retry-build sample shape)', () => {
    assert.match(started.id, /^inline-ok:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(started.arn, `arn:aws:codebuild:us-east-1:000000000000:build/${started.id}`);
    assert.equal(started.buildStatus, 'IN_PROGRESS');
    assert.equal(started.currentPhase, 'QUEUED');
    assert.equal(started.buildComplete, false);
    assert.deepEqual(phaseSummary(started), ['SUBMITTED:SUCCEEDED', 'QUEUED']);
    assert.equal(started.buildNumber, 1);
    assert.equal(started.timeoutInMinutes, 60);
    assert.equal(started.queuedTimeoutInMinutes, 480);
    assert.equal(started.initiator, 'root');
  });

  test('completes with every phase recorded as AWS shows them', () => {
    assert.equal(done.buildStatus, 'SUCCEEDED');
    assert.equal(done.currentPhase, 'COMPLETED');
    assert.equal(done.buildComplete, true);
    assert.deepEqual(phaseSummary(done), [
      'SUBMITTED:SUCCEEDED', 'QUEUED:SUCCEEDED', 'PROVISIONING:SUCCEEDED', 'DOWNLOAD_SOURCE:SUCCEEDED', 'INSTALL:SUCCEEDED',
      'PRE_BUILD:SUCCEEDED', 'BUILD:SUCCEEDED', 'POST_BUILD:SUCCEEDED', 'UPLOAD_ARTIFACTS:SUCCEEDED', 'FINALIZING:SUCCEEDED', 'COMPLETED',
    ]);
    for (const p of done.phases) {
      if (p.phaseType === 'COMPLETED') assert.deepEqual(Object.keys(p).sort(), ['phaseType', 'startTime']);
      else if (p.phaseType === 'SUBMITTED' || p.phaseType === 'QUEUED') assert.equal(p.contexts, undefined);
      else assert.deepEqual(p.contexts, [{ statusCode: '', message: '' }]);
      if (p.phaseType !== 'COMPLETED') assert.equal(typeof p.durationInSeconds, 'number');
    }
    assert.equal(done.endTime, phase(done, 'COMPLETED')!.startTime);
    assert.deepEqual(done.exportedEnvironmentVariables, [{ name: 'TAG', value: 'v-1' }]);
    assert.deepEqual(done.artifacts, { location: '' });
  });

  test('effective variables: override > project > buildspec (spec A.5), shown merged on the build', async () => {
    assert.deepEqual(done.environment.environmentVariables, [
      { name: 'FROM_PROJECT', value: 'project', type: 'PLAINTEXT' },
      { name: 'OVERRIDDEN', value: 'override', type: 'PLAINTEXT' },
    ]);
    const lines = await logMessages(nagare.endpoint, done);
    assert.ok(lines.includes('precedence buildspec project override'), lines.join('\n'));
  });

  test('logs go to /aws/codebuild/<project> / <uuid> with the agent lines, secrets masked', async () => {
    const uuid = done.id.split(':')[1]!;
    assert.equal(done.logs.groupName, '/aws/codebuild/inline-ok');
    assert.equal(done.logs.streamName, uuid);
    assert.equal(done.logs.deepLink, `https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEvent:group=/aws/codebuild/inline-ok;stream=${uuid}`);
    assert.equal(done.logs.cloudWatchLogsArn, `arn:aws:logs:us-east-1:000000000000:log-group:/aws/codebuild/inline-ok:log-stream:${uuid}`);
    const lines = await logMessages(nagare.endpoint, done);
    const text = lines.join('\n');
    assert.ok(lines.includes('secret is ***'), text);
    assert.ok(!text.includes(SECRET), 'the Parameter Store value leaked into the log');
    assert.ok(lines.includes('install-ran'));
    assert.ok(lines.includes(`number=1 id=${done.id}`), text);
    assert.ok(lines.includes(`arn=${done.arn}`), text);
    const start = /start=(\d+) region=us-east-1 initiator=root ci=true log=(\S+)/.exec(text);
    assert.ok(start, text);
    assert.equal(start[1]!.length, 13, 'CODEBUILD_START_TIME is epoch milliseconds');
    assert.equal(start[2], uuid);
    for (const expected of ['Running command echo install-ran', 'Phase complete: BUILD State: SUCCEEDED', 'Entering phase POST_BUILD', 'Phases found in YAML: 2']) {
      assert.ok(lines.some((l) => /^\[Container\] \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} /.test(l) && l.endsWith(expected)), `missing agent line "${expected}"`);
    }
  });

  test('retry-build: a new build, next number, same settings and overrides', async () => {
    const retried = (await c.json<{ build: Build }>('codebuild', 'retry-build', '--id', done.id)).build;
    assert.notEqual(retried.id, done.id);
    assert.equal(retried.buildNumber, 2);
    assert.deepEqual(retried.environment.environmentVariables, done.environment.environmentVariables);
    const finished = await waitForBuild(nagare.endpoint, retried.id);
    assert.equal(finished.buildStatus, 'SUCCEEDED');
    assert.deepEqual(finished.exportedEnvironmentVariables, [{ name: 'TAG', value: 'v-2' }]);
    const desc = await c.json<{ ids: string[] }>('codebuild', 'list-builds-for-project', '--project-name', 'inline-ok');
    assert.deepEqual(desc.ids, [retried.id, done.id], 'newest first by default');
    const asc = await c.json<{ ids: string[] }>('codebuild', 'list-builds-for-project', '--project-name', 'inline-ok', '--sort-order', 'ASCENDING');
    assert.deepEqual(asc.ids, [done.id, retried.id]);
  });
});

test('a failing BUILD command: POST_BUILD and UPLOAD_ARTIFACTS still run, the build is FAILED (Surprise 3)', async () => {
  const b = await waitForBuild(nagare.endpoint, (await startBuild(nagare.endpoint, '--project-name', 'failing')).id);
  assert.equal(b.buildStatus, 'FAILED');
  assert.deepEqual(phaseSummary(b).slice(6), ['BUILD:FAILED', 'POST_BUILD:SUCCEEDED', 'UPLOAD_ARTIFACTS:SUCCEEDED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
  assert.deepEqual(phase(b, 'BUILD')!.contexts, [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: exit 3. Reason: exit status 3' }]);
  const lines = await logMessages(nagare.endpoint, b);
  assert.ok(lines.includes('post_build ran succeeding=0'), lines.join('\n'));
  assert.ok(!lines.includes('never-printed'));
  assert.ok(lines.some((l) => l.endsWith('Command did not exit successfully exit 3 exit status 3')));
});

test('a broken buildspecOverride fails DOWNLOAD_SOURCE with YAML_FILE_ERROR, then FINALIZING (Surprise 36)', async () => {
  const b = await waitForBuild(nagare.endpoint, (await startBuild(nagare.endpoint, '--project-name', 'failing', '--buildspec-override', 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo: [unclosed\n')).id);
  assert.equal(b.buildStatus, 'FAILED');
  assert.deepEqual(phaseSummary(b).slice(3), ['DOWNLOAD_SOURCE:FAILED', 'FINALIZING:SUCCEEDED', 'COMPLETED']);
  assert.equal(phase(b, 'DOWNLOAD_SOURCE')!.contexts![0]!.statusCode, 'YAML_FILE_ERROR');
  assert.match(b.source.buildspec ?? '', /unclosed/, 'source.buildspec shows the effective buildspec');
});

test('idempotency token: same request → same build; other parameters → InvalidInputException', async () => {
  const token = 'token-e2e-1';
  const first = await startBuild(nagare.endpoint, '--project-name', 'failing', '--idempotency-token', token);
  const again = await startBuild(nagare.endpoint, '--project-name', 'failing', '--idempotency-token', token);
  assert.equal(again.id, first.id);
  const r = await c.fails('InvalidInputException', 'codebuild', 'start-build', '--project-name', 'failing', '--idempotency-token', token, '--timeout-in-minutes-override', '7');
  assert.match(r.stderr, /different parameters/);
  await waitForBuild(nagare.endpoint, first.id);
});

test('projects: batch-get by name or ARN, list sorted, partial update, errors, delete', async () => {
  const arn = 'arn:aws:codebuild:us-east-1:000000000000:project/failing';
  const got = await c.json<{ projects: { name: string; arn: string }[]; projectsNotFound: string[] }>('codebuild', 'batch-get-projects', '--names', 'inline-ok', arn, 'nope');
  assert.deepEqual(got.projects.map((p) => p.name), ['inline-ok', 'failing']);
  assert.deepEqual(got.projectsNotFound, ['nope']);
  const listed = await c.json<{ projects: string[] }>('codebuild', 'list-projects', '--sort-by', 'NAME', '--sort-order', 'ASCENDING');
  assert.deepEqual(listed.projects.filter((n) => n === 'failing' || n === 'inline-ok'), ['failing', 'inline-ok']);

  const dup = await c.fails('ResourceAlreadyExistsException', 'codebuild', 'create-project', '--name', 'failing', '--source', 'type=NO_SOURCE,buildspec=x', '--artifacts', 'type=NO_ARTIFACTS',
    '--environment', 'type=LINUX_CONTAINER,image=aws/codebuild/standard:7.0,computeType=BUILD_GENERAL1_SMALL', '--service-role', 'r');
  assert.match(dup.stderr, /Project already exists: arn:aws:codebuild:us-east-1:000000000000:project\/failing/);
  const missing = await c.fails('ResourceNotFoundException', 'codebuild', 'start-build', '--project-name', 'does-not-exist');
  assert.match(missing.stderr, /Project cannot be found: arn:aws:codebuild:us-east-1:000000000000:project\/does-not-exist/);
  await c.fails('InvalidInputException', 'codebuild', 'create-project', '--name', 'no-location', '--source', 'type=S3', '--artifacts', 'type=NO_ARTIFACTS',
    '--environment', 'type=LINUX_CONTAINER,image=i,computeType=BUILD_GENERAL1_SMALL', '--service-role', 'r');

  const updated = (await c.json<{ project: { description: string; timeoutInMinutes: number; environment: { environmentVariables: unknown[] }; lastModified: string; created: string } }>(
    'codebuild', 'update-project', '--name', 'inline-ok', '--description', 'changed', '--timeout-in-minutes', '15')).project;
  assert.equal(updated.description, 'changed');
  assert.equal(updated.timeoutInMinutes, 15);
  assert.equal(updated.environment.environmentVariables.length, 2, 'members not given stay');
  assert.ok(updated.lastModified >= updated.created);
  await c.fails('ResourceNotFoundException', 'codebuild', 'update-project', '--name', 'does-not-exist', '--description', 'x');

  await createProject(nagare.endpoint, { name: 'short-lived', source: { type: 'NO_SOURCE', buildspec: FAILING_SPEC } });
  const b = await startBuild(nagare.endpoint, '--project-name', 'short-lived');
  await waitForBuild(nagare.endpoint, b.id);
  await c.ok('codebuild', 'delete-project', '--name', 'short-lived');
  await c.ok('codebuild', 'delete-project', '--name', 'short-lived'); // no ResourceNotFoundException is modelled
  assert.equal((await getBuild(nagare.endpoint, b.id)).buildStatus, 'FAILED', 'builds survive their project');
  const del = await c.json<{ buildsDeleted: string[]; buildsNotDeleted: unknown[] }>('codebuild', 'batch-delete-builds', '--ids', b.id);
  assert.deepEqual(del.buildsDeleted, [b.arn]);
  const after = await c.json<{ builds: unknown[]; buildsNotFound: string[] }>('codebuild', 'batch-get-builds', '--ids', b.id, 'inline-ok:00000000-0000-4000-8000-000000000000');
  assert.deepEqual(after.builds, []);
  assert.deepEqual(after.buildsNotFound, [b.id, 'inline-ok:00000000-0000-4000-8000-000000000000']);
  const all = await c.json<{ ids: string[] }>('codebuild', 'list-builds');
  assert.ok(!all.ids.includes(b.id));
});
