import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';
import { ACCOUNT, executions, waitFor, waitForExecution } from '../support/pipeline-harness.js';

/**
 * S3 source change detection with the real AWS CLI: `aws s3 cp` of a new version of the watched
 * object starts the pipeline on exactly that version (triggerType PollForSourceChanges, as AWS's
 * default polling reports it); a write to another key does not; the S3 deploy action extracts it.
 */

let nagare: NagareHandle;
let work: string;

before(async () => {
  nagare = await startNagare();
  work = await mkdtemp(join(tmpdir(), 'nagare-cp-s3-'));
});
after(async () => {
  await nagare?.stop();
  await rm(work, { recursive: true, force: true });
});

test('a new version of the source object starts the pipeline on that version', async () => {
  const cli = (...args: string[]) => awsOk(nagare.endpoint, args);
  for (const b of ['s3src-artifacts', 's3src-input', 's3src-site']) await cli('s3', 'mb', `s3://${b}`);
  await cli('s3api', 'put-bucket-versioning', '--bucket', 's3src-input', '--versioning-configuration', 'Status=Enabled');
  const zip = async (name: string, text: string): Promise<string> => {
    const file = join(work, name);
    await writeFile(file, zipSync({ 'index.html': strToU8(text) }));
    return file;
  };
  await cli('s3', 'cp', await zip('v1.zip', 'version one'), 's3://s3src-input/site.zip');
  const definition = {
    pipeline: {
      name: 's3-site',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`,
      artifactStore: { type: 'S3', location: 's3src-artifacts' },
      stages: [
        { name: 'Source', actions: [{ name: 'Zip', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' },
          configuration: { S3Bucket: 's3src-input', S3ObjectKey: 'site.zip' }, outputArtifacts: [{ name: 'Site' }] }] },
        { name: 'Deploy', actions: [{ name: 'Publish', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'S3', version: '1' },
          configuration: { BucketName: 's3src-site', Extract: 'true' }, inputArtifacts: [{ name: 'Site' }] }] },
      ],
    },
  };
  const file = join(work, 'p.json');
  await writeFile(file, JSON.stringify(definition));
  await cli('codepipeline', 'create-pipeline', '--cli-input-json', `file://${file}`);
  const [first] = await waitFor('the creation execution', async () => {
    const list = await executions(nagare.endpoint, 's3-site');
    return list.length > 0 ? list : undefined;
  });
  assert.equal((await waitForExecution(nagare.endpoint, 's3-site', first!.pipelineExecutionId, ['Succeeded', 'Failed'])).status, 'Succeeded');
  assert.equal((await cli('s3', 'cp', 's3://s3src-site/index.html', '-')).stdout, 'version one');

  await cli('s3', 'cp', await zip('other.zip', 'unrelated'), 's3://s3src-input/other.zip');
  const put = (await cli('s3api', 'put-object', '--bucket', 's3src-input', '--key', 'site.zip', '--body', await zip('v2.zip', 'version two'))).json<{ VersionId: string }>();
  const second = await waitFor('the execution of version two', async () => (await executions(nagare.endpoint, 's3-site')).find((e) => e.pipelineExecutionId !== first!.pipelineExecutionId));
  assert.equal(second.trigger.triggerType, 'PollForSourceChanges');
  const done = await waitForExecution(nagare.endpoint, 's3-site', second.pipelineExecutionId, ['Succeeded', 'Failed']);
  assert.equal(done.status, 'Succeeded', done.statusSummary);
  assert.equal(done.artifactRevisions?.[0]?.revisionId, put.VersionId);
  assert.equal((await cli('s3', 'cp', 's3://s3src-site/index.html', '-')).stdout, 'version two');
  assert.equal((await executions(nagare.endpoint, 's3-site')).length, 2, 'the write to other.zip started nothing');
});
