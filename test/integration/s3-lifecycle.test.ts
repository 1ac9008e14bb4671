import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, isAppError, silentLogger } from '../../src/shared/index.js';
import { FsBlobStore } from '../../src/store/index.js';
import * as s3 from '../../src/objects/index.js';
import { forEachDatabase } from '../support/databases.js';

const attrs: s3.ObjectAttributes = { headers: {}, meta: {}, tags: [], storageClass: 'STANDARD' };
async function* bytes(data: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(data);
}

forEachDatabase((open) => {
  test('lifecycle rules are enforced in AWS time (scale 86400: one AWS day per real second)', async () => {
    const db = await open();
    const dir = await mkdtemp(join(tmpdir(), 'nagare-s3-lc-'));
    try {
      const clock = new FakeClock(Date.UTC(2026, 0, 1, 12), 86400);
      const deps: s3.ObjectsDeps = { db, blobs: await FsBlobStore.open(dir), clock, logger: silentLogger };
      await s3.createBucket(deps, { name: 'lc-plain', requestRegion: 'us-east-1', ownerAccount: 'a' });
      await s3.createBucket(deps, { name: 'lc-versioned', requestRegion: 'us-east-1', ownerAccount: 'a' });
      await s3.putBucketVersioning(deps, 'lc-versioned', 'Enabled');
      const put = (bucket: string, key: string, tags: s3.Tag[] = []) =>
        s3.putObject(deps, { bucket, key, body: bytes(key), attributes: { ...attrs, tags }, expect: {} });
      assert.equal(await codeOf(s3.getBucketLifecycle(deps, 'lc-plain')), 'NoSuchLifecycleConfiguration');
      await s3.putBucketLifecycle(deps, 'lc-plain', [
        { id: 'tmp', status: 'Enabled', filter: { kind: 'prefix', prefix: 'tmp/' }, expiration: { days: 1 } },
        { id: 'tagged', status: 'Enabled', filter: { kind: 'tag', tag: { Key: 'ttl', Value: 'short' } }, expiration: { days: 2 } },
        { id: 'off', status: 'Disabled', filter: { kind: 'empty' }, expiration: { days: 1 } },
        { id: 'mpu', status: 'Enabled', filter: { kind: 'empty' }, abortIncompleteMultipartUpload: { daysAfterInitiation: 3 } },
      ]);
      assert.equal((await s3.getBucketLifecycle(deps, 'lc-plain')).length, 4);
      assert.equal(await codeOf(s3.putBucketLifecycle(deps, 'lc-plain', [
        { id: 'x', status: 'Enabled', filter: { kind: 'empty' }, expiration: { days: 0 } },
      ])), 'InvalidArgument');
      await s3.putBucketLifecycle(deps, 'lc-versioned', [
        { id: 'cur', status: 'Enabled', filter: { kind: 'empty' }, expiration: { days: 1 } },
        { id: 'old', status: 'Enabled', filter: { kind: 'empty' }, noncurrentVersionExpiration: { noncurrentDays: 2 } },
        { id: 'eodm', status: 'Enabled', filter: { kind: 'empty' }, expiration: { expiredObjectDeleteMarker: true } },
      ]);
      await put('lc-plain', 'tmp/a');
      await put('lc-plain', 'keep/b');
      await put('lc-plain', 'keep/t', [{ Key: 'ttl', Value: 'short' }]);
      await s3.createMultipartUpload(deps, { bucket: 'lc-plain', key: 'big', attributes: attrs, checksumAlgorithm: null });
      await put('lc-versioned', 'v');

      clock.advance(900); // 0.9 AWS days
      assert.deepEqual(await s3.enforceLifecycle(deps), { expired: 0, noncurrentRemoved: 0, deleteMarkersRemoved: 0, uploadsAborted: 0 });
      clock.advance(100); // exactly 1 AWS day
      const r1 = await s3.enforceLifecycle(deps);
      assert.deepEqual(r1, { expired: 2, noncurrentRemoved: 0, deleteMarkersRemoved: 0, uploadsAborted: 0 });
      const keys = async (bucket: string) => (await s3.listObjects(deps, { bucket, prefix: '', maxKeys: 100 })).entries
        .map((e) => (e.kind === 'object' ? e.version.key : e.prefix));
      assert.deepEqual(await keys('lc-plain'), ['keep/b', 'keep/t']);
      // The versioned bucket got a delete marker; the object became noncurrent at that moment.
      const versions = await s3.listObjectVersions(deps, { bucket: 'lc-versioned', prefix: '', maxKeys: 100 });
      assert.deepEqual(versions.entries.map((e) => e.kind === 'version' && e.version.isDeleteMarker), [true, false]);
      clock.advance(1000); // day 2: tagged object expires; noncurrent is only 1 day old
      assert.deepEqual(await s3.enforceLifecycle(deps), { expired: 1, noncurrentRemoved: 0, deleteMarkersRemoved: 0, uploadsAborted: 0 });
      clock.advance(1000); // day 3: noncurrent 2 days old → removed; then the marker is alone; upload 3 days old
      const r3 = await s3.enforceLifecycle(deps);
      assert.equal(r3.noncurrentRemoved, 1);
      assert.equal(r3.uploadsAborted, 1);
      // The marker became a lone "expired object delete marker" in the same or the next run.
      const r4 = await s3.enforceLifecycle(deps);
      assert.equal(r3.deleteMarkersRemoved + r4.deleteMarkersRemoved, 1);
      assert.equal((await s3.listObjectVersions(deps, { bucket: 'lc-versioned', prefix: '', maxKeys: 100 })).entries.length, 0);
      assert.deepEqual(await keys('lc-plain'), ['keep/b']);
      await s3.deleteBucketLifecycle(deps, 'lc-plain');
      assert.equal(await codeOf(s3.getBucketLifecycle(deps, 'lc-plain')), 'NoSuchLifecycleConfiguration');
    } finally {
      await db.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
}
