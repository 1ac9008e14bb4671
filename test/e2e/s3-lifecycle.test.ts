import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { aws, awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';

/**
 * Lifecycle rules are enforced, not just stored: with --time-scale 86400 one AWS day passes per
 * real second, so a 1-day expiration fires within seconds of `put-bucket-lifecycle-configuration`.
 */

let nagare: NagareHandle;
let work: string;
before(async () => {
  nagare = await startNagare({ timeScale: 86400 });
  work = await mkdtemp(join(tmpdir(), 'nagare-s3-lc-'));
});
after(async () => {
  await nagare?.stop();
  await rm(work, { recursive: true, force: true });
});

test('a 1-day expiration rule under --time-scale 86400 removes matching objects within seconds, and only those', async () => {
  const ep = nagare.endpoint;
  await awsOk(ep, ['s3api', 'create-bucket', '--bucket', 'lc-e2e']);
  const file = join(work, 'f');
  await writeFile(file, 'data');
  for (const key of ['tmp/a', 'tmp/b', 'keep/c']) await awsOk(ep, ['s3api', 'put-object', '--bucket', 'lc-e2e', '--key', key, '--body', file]);
  await awsOk(ep, ['s3api', 'create-multipart-upload', '--bucket', 'lc-e2e', '--key', 'tmp/upload']);
  await awsOk(ep, ['s3api', 'put-bucket-lifecycle-configuration', '--bucket', 'lc-e2e', '--lifecycle-configuration', JSON.stringify({
    Rules: [{ ID: 'tmp', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }],
  })]);
  const deadline = Date.now() + 30_000;
  let keys: string[] = [];
  let uploads: unknown[] = [];
  while (Date.now() < deadline) {
    const list = (await awsOk(ep, ['s3api', 'list-objects-v2', '--bucket', 'lc-e2e'])).json<{ Contents?: { Key: string }[] }>();
    keys = (list.Contents ?? []).map((c) => c.Key);
    const mpu = await aws(ep, ['s3api', 'list-multipart-uploads', '--bucket', 'lc-e2e']);
    uploads = mpu.stdout.trim() === '' ? [] : (mpu.json<{ Uploads?: unknown[] }>().Uploads ?? []);
    if (keys.length === 1 && uploads.length === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.deepEqual(keys, ['keep/c']);
  assert.deepEqual(uploads, []);
});
