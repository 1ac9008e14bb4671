import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { FakeClock, isAppError, silentLogger } from '../../src/shared/index.js';
import { FsBlobStore } from '../../src/store/index.js';
import * as s3 from '../../src/objects/index.js';
import { forEachDatabase, type OpenTestDb } from '../support/databases.js';

const attrs = (extra: Partial<s3.ObjectAttributes> = {}): s3.ObjectAttributes => ({ headers: {}, meta: {}, tags: [], storageClass: 'STANDARD', ...extra });

async function* bytes(data: string | Buffer): AsyncIterable<Uint8Array> {
  yield Buffer.from(data);
}

export async function world(open: OpenTestDb) {
  const db = await open();
  const dir = await mkdtemp(join(tmpdir(), 'nagare-s3-it-'));
  const blobs = await FsBlobStore.open(dir);
  const clock = new FakeClock(Date.UTC(2026, 0, 1, 12));
  const deps: s3.ObjectsDeps = { db, blobs, clock, logger: silentLogger };
  await s3.createBucket(deps, { name: 'bk1', requestRegion: 'us-east-1', ownerAccount: '000000000000' });
  const put = (key: string, data: string, extra: Partial<s3.PutObjectInput> = {}) =>
    s3.putObject(deps, { bucket: 'bk1', key, body: bytes(data), attributes: attrs(), expect: {}, ...extra });
  const read = async (key: string, versionId?: string) => {
    const { version } = await s3.resolveObject(db, { bucket: 'bk1', key, ...(versionId ? { versionId } : {}) });
    return text(blobs.read(version.blobId as string));
  };
  return {
    deps, db, blobs, clock, put, read,
    async dispose() {
      await db.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  return 'ok';
}

forEachDatabase((open) => {
  test('buckets: create, duplicate, regions, names, delete only when empty', async () => {
    const w = await world(open);
    try {
      const d = w.deps;
      assert.equal((await s3.createBucket(d, { name: 'bk1', requestRegion: 'us-east-1', ownerAccount: '000000000000' })).created, false);
      await s3.createBucket(d, { name: 'eu-bucket', requestRegion: 'eu-west-1', locationConstraint: 'eu-west-1', ownerAccount: '000000000000' });
      assert.equal(await code(s3.createBucket(d, { name: 'eu-bucket', requestRegion: 'eu-west-1', locationConstraint: 'eu-west-1', ownerAccount: '000000000000' })), 'BucketAlreadyOwnedByYou');
      assert.equal(await code(s3.createBucket(d, { name: 'bk1', requestRegion: 'us-east-1', ownerAccount: '111111111111' })), 'BucketAlreadyExists');
      assert.equal(await code(s3.createBucket(d, { name: 'xx2', requestRegion: 'eu-west-1', ownerAccount: '000000000000' })), 'IllegalLocationConstraintException');
      assert.equal(await code(s3.createBucket(d, { name: 'xx3', requestRegion: 'us-east-1', locationConstraint: 'us-east-1', ownerAccount: '0' })), 'InvalidLocationConstraint');
      assert.equal(await code(s3.createBucket(d, { name: 'Bad_Name', requestRegion: 'us-east-1', ownerAccount: '0' })), 'InvalidBucketName');
      assert.equal((await s3.getBucket(d, 'eu-bucket')).region, 'eu-west-1');
      await w.put('k', 'v');
      assert.equal(await code(s3.deleteBucket(d, 'bk1')), 'BucketNotEmpty');
      await s3.deleteObject(d, { bucket: 'bk1', key: 'k' });
      await s3.deleteBucket(d, 'bk1');
      assert.equal(await code(s3.getBucket(d, 'bk1')), 'NoSuchBucket');
      assert.deepEqual((await s3.listBuckets(d, '000000000000')).map((b) => b.name), ['eu-bucket']);
    } finally {
      await w.dispose();
    }
  });

  test('unversioned put overwrites, md5 and checksum are verified, bad bodies leave nothing', async () => {
    const w = await world(open);
    try {
      const v1 = await w.put('a/b', 'one');
      assert.equal(v1.etag, createHash('md5').update('one').digest('hex'));
      assert.equal(v1.versionId, 'null');
      await w.put('a/b', 'two');
      assert.equal(await w.read('a/b'), 'two');
      const wrongMd5 = createHash('md5').update('nope').digest('base64');
      assert.equal(await code(w.put('a/b', 'three', { expect: { contentMd5: wrongMd5 } })), 'BadDigest');
      assert.equal(await code(w.put('a/b', 'three', { expect: { contentMd5: 'abc' } })), 'InvalidDigest');
      assert.equal(await code(w.put('a/b', 'three', { expect: { checksum: { algorithm: 'CRC32', value: 'AAAAAA==' } } })), 'BadDigest');
      const good = await w.put('a/b', 'three', { expect: { checksum: { algorithm: 'CRC32' }, trailers: () => ({}) } });
      assert.equal(good.checksum?.algorithm, 'CRC32');
      assert.equal(await w.read('a/b'), 'three');
      const rows = await w.db.query<{ n: number }>("SELECT count(*)::int AS n FROM s3_versions WHERE bucket = 'bk1'");
      assert.equal(rows.rows[0]?.n, 1);
      assert.equal(await code(w.put('x'.repeat(1025), 'v')), 'KeyTooLongError');
      assert.equal(await code(w.put('é'.repeat(512), 'v')), 'ok'); // 1024 bytes exactly
    } finally {
      await w.dispose();
    }
  });

  test('keys are data: dot segments, slashes, NFC and NFD are distinct objects', async () => {
    const w = await world(open);
    try {
      const keys = ['../../etc/passwd', '/leading', 'a//b', './x', '..', 'caf\u00e9', 'cafe\u0301', '日本/語', 'emoji 🎉', 'sp ace+plus%20'];
      for (const k of keys) await w.put(k, `v:${k}`);
      for (const k of keys) assert.equal(await w.read(k), `v:${k}`);
      const page = await s3.listObjects(w.deps, { bucket: 'bk1', prefix: '', maxKeys: 1000 });
      const listed = page.entries.map((e) => (e.kind === 'object' ? e.version.key : e.prefix));
      assert.deepEqual(listed, [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    } finally {
      await w.dispose();
    }
  });

  test('listing: delimiter, common prefixes, pagination without repeats', async () => {
    const w = await world(open);
    try {
      const keys = ['a.txt', 'dir/1', 'dir/2', 'dir/sub/3', 'dir2/x', 'e', 'f/', 'f/g', 'z'];
      for (const k of keys) await w.put(k, k);
      const all = await s3.listObjects(w.deps, { bucket: 'bk1', prefix: '', delimiter: '/', maxKeys: 1000 });
      const show = (es: s3.ListEntry[]) => es.map((e) => (e.kind === 'object' ? e.version.key : `P:${e.prefix}`));
      assert.deepEqual(show(all.entries), ['a.txt', 'P:dir/', 'P:dir2/', 'e', 'P:f/', 'z']);
      const collected: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 20; i++) {
        const p = await s3.listObjects(w.deps, { bucket: 'bk1', prefix: '', delimiter: '/', maxKeys: 2, ...(after ? { after } : {}) });
        collected.push(...show(p.entries));
        if (!p.isTruncated) break;
        const last = p.entries[p.entries.length - 1]!;
        after = last.kind === 'object' ? last.version.key : last.prefix;
      }
      assert.deepEqual(collected, show(all.entries));
      const sub = await s3.listObjects(w.deps, { bucket: 'bk1', prefix: 'dir/', delimiter: '/', maxKeys: 1000 });
      assert.deepEqual(show(sub.entries), ['dir/1', 'dir/2', 'P:dir/sub/']);
      const flat = await s3.listObjects(w.deps, { bucket: 'bk1', prefix: 'dir', maxKeys: 3 });
      assert.deepEqual(show(flat.entries), ['dir/1', 'dir/2', 'dir/sub/3']);
      assert.equal(flat.isTruncated, true);
      assert.equal((await s3.listObjects(w.deps, { bucket: 'bk1', prefix: '', maxKeys: 0 })).entries.length, 0);
    } finally {
      await w.dispose();
    }
  });

  test('versioning: versions, delete markers, null versions when suspended, promotion', async () => {
    const w = await world(open);
    try {
      const d = w.deps;
      const n0 = await w.put('k', 'before-versioning');
      await s3.putBucketVersioning(d, 'bk1', 'Enabled');
      const v1 = await w.put('k', 'v1');
      const v2 = await w.put('k', 'v2');
      assert.notEqual(v1.versionId, 'null');
      assert.equal(await w.read('k'), 'v2');
      assert.equal(await w.read('k', v1.versionId), 'v1');
      assert.equal(await w.read('k', 'null'), 'before-versioning');
      const del = await s3.deleteObject(d, { bucket: 'bk1', key: 'k' });
      assert.equal(del.deleteMarker, true);
      assert.equal(await code(w.read('k')), 'NoSuchKey');
      assert.equal(await code(w.read('k', del.versionId)), 'MethodNotAllowed');
      assert.equal(await code(w.read('k', 'no-such-version')), 'NoSuchVersion');
      // Removing the marker by id brings v2 back.
      const undo = await s3.deleteObject(d, { bucket: 'bk1', key: 'k', versionId: del.versionId! });
      assert.equal(undo.deleteMarker, true);
      assert.equal(await w.read('k'), 'v2');
      await s3.putBucketVersioning(d, 'bk1', 'Suspended');
      const s1 = await w.put('k', 'suspended-1');
      assert.equal(s1.versionId, 'null');
      await w.put('k', 'suspended-2');
      assert.equal(await w.read('k', 'null'), 'suspended-2');
      const versions = await s3.listObjectVersions(d, { bucket: 'bk1', prefix: '', maxKeys: 1000 });
      const ids = versions.entries.map((e) => (e.kind === 'version' ? `${e.version.versionId}:${e.version.isLatest}` : ''));
      // The old null version (n0) was replaced by the suspended writes.
      assert.deepEqual(ids, ['null:true', `${v2.versionId}:false`, `${v1.versionId}:false`]);
      assert.equal(n0.versionId, 'null');
      const sdel = await s3.deleteObject(d, { bucket: 'bk1', key: 'k' });
      assert.deepEqual(sdel, { versionId: 'null', deleteMarker: true });
      // Deleting the latest version by id promotes the next newest.
      await s3.putBucketVersioning(d, 'bk1', 'Enabled');
      await s3.deleteObject(d, { bucket: 'bk1', key: 'k', versionId: 'null' });
      assert.equal(await w.read('k'), 'v2');
      // Version listing pages by key and version markers.
      for (let i = 0; i < 3; i++) await w.put('m', `m${i}`);
      const seen: string[] = [];
      let keyMarker: string | undefined;
      let versionIdMarker: string | undefined;
      for (let i = 0; i < 10; i++) {
        const p = await s3.listObjectVersions(d, { bucket: 'bk1', prefix: '', maxKeys: 2, ...(keyMarker ? { keyMarker } : {}), ...(versionIdMarker ? { versionIdMarker } : {}) });
        for (const e of p.entries) if (e.kind === 'version') seen.push(`${e.version.key}/${e.version.versionId}`);
        if (!p.isTruncated) break;
        const last = p.entries[p.entries.length - 1]!;
        if (last.kind !== 'version') throw new Error('unexpected prefix');
        keyMarker = last.version.key;
        versionIdMarker = last.version.versionId;
      }
      const full = await s3.listObjectVersions(d, { bucket: 'bk1', prefix: '', maxKeys: 1000 });
      assert.deepEqual(seen, full.entries.map((e) => (e.kind === 'version' ? `${e.version.key}/${e.version.versionId}` : '')));
      assert.equal(seen.length, 5);
    } finally {
      await w.dispose();
    }
  });

  test('copy: COPY/REPLACE metadata, versioned source, self-copy rule', async () => {
    const w = await world(open);
    try {
      const d = w.deps;
      await w.put('src', 'data', { attributes: attrs({ meta: { a: '1' }, headers: { 'content-type': 'text/plain' } }) });
      const base = { taggingDirective: 'COPY' as const, changesAttributes: false, sourceConditions: {}, attributes: attrs({ meta: { b: '2' } }) };
      const c1 = await s3.copyObject(d, { ...base, source: { bucket: 'bk1', key: 'src' }, bucket: 'bk1', key: 'dst', metadataDirective: 'COPY' });
      assert.deepEqual(c1.version.meta, { a: '1' });
      assert.equal(c1.version.headers['content-type'], 'text/plain');
      const c2 = await s3.copyObject(d, { ...base, source: { bucket: 'bk1', key: 'src' }, bucket: 'bk1', key: 'dst', metadataDirective: 'REPLACE' });
      assert.deepEqual(c2.version.meta, { b: '2' });
      assert.equal(await w.read('dst'), 'data');
      assert.equal(await code(s3.copyObject(d, { ...base, source: { bucket: 'bk1', key: 'src' }, bucket: 'bk1', key: 'src', metadataDirective: 'COPY' })), 'InvalidRequest');
      assert.equal(await code(s3.copyObject(d, { ...base, source: { bucket: 'bk1', key: 'src' }, bucket: 'bk1', key: 'src', metadataDirective: 'REPLACE' })), 'ok');
      assert.equal(await code(s3.copyObject(d, { ...base, source: { bucket: 'bk1', key: 'nope' }, bucket: 'bk1', key: 'x', metadataDirective: 'COPY' })), 'NoSuchKey');
      assert.equal(await code(s3.copyObject(d, { ...base, sourceConditions: { ifMatch: '"abc"' }, source: { bucket: 'bk1', key: 'src' }, bucket: 'bk1', key: 'x', metadataDirective: 'COPY' })), 'PreconditionFailed');
      await s3.putBucketVersioning(d, 'bk1', 'Enabled');
      const old = await w.put('src', 'old');
      await w.put('src', 'new');
      await s3.copyObject(d, { ...base, source: { bucket: 'bk1', key: 'src', versionId: old.versionId }, bucket: 'bk1', key: 'src', metadataDirective: 'COPY' });
      assert.equal(await w.read('src'), 'old');
      // Deleting the source does not affect the copy.
      await s3.deleteObject(d, { bucket: 'bk1', key: 'dst' });
      await s3.collectGarbage(d);
      w.clock.advance(120_000);
      await s3.collectGarbage(d);
      assert.equal(await w.read('src'), 'old');
    } finally {
      await w.dispose();
    }
  });

  test('multipart: part checks, ETag, composite checksum, abort, list', async () => {
    const w = await world(open);
    try {
      const d = w.deps;
      const u = await s3.createMultipartUpload(d, { bucket: 'bk1', key: 'mp', attributes: attrs({ meta: { x: 'y' } }), checksumAlgorithm: 'CRC32' });
      const five = Buffer.alloc(s3.MIN_PART_BYTES, 1);
      const t = (partNumber: number) => ({ bucket: 'bk1', key: 'mp', uploadId: u.uploadId, partNumber });
      const p1 = await s3.uploadPart(d, t(1), bytes(five), {});
      const small = await s3.uploadPart(d, t(2), bytes('tiny'), {});
      const p3 = await s3.uploadPart(d, t(3), bytes('end'), {});
      assert.equal(await code(s3.uploadPart(d, t(0), bytes('x'), {})), 'InvalidArgument');
      const complete = (parts: s3.CompletedPart[]) => s3.completeMultipartUpload(d, { bucket: 'bk1', key: 'mp', uploadId: u.uploadId, parts });
      assert.equal(await code(complete([{ partNumber: 2, etag: small.etag }, { partNumber: 1, etag: p1.etag }])), 'InvalidPartOrder');
      assert.equal(await code(complete([{ partNumber: 1, etag: '"bad"' }])), 'InvalidPart');
      assert.equal(await code(complete([{ partNumber: 2, etag: small.etag }, { partNumber: 3, etag: p3.etag }])), 'EntityTooSmall');
      const listed = await s3.listParts(d, { bucket: 'bk1', key: 'mp', uploadId: u.uploadId }, 0, 2);
      assert.deepEqual(listed.parts.map((p) => p.partNumber), [1, 2]);
      assert.equal(listed.isTruncated, true);
      const uploads = await s3.listMultipartUploads(d, { bucket: 'bk1', prefix: '', maxUploads: 10 });
      assert.equal(uploads.entries.length, 1);
      const v = await complete([{ partNumber: 1, etag: `"${p1.etag}"` }, { partNumber: 3, etag: p3.etag }]);
      assert.equal(v.etag, s3.multipartEtag([p1.md5, p3.md5]));
      assert.match(v.etag, /-2$/);
      assert.equal(v.checksum?.type, 'COMPOSITE');
      assert.match(v.checksum?.value ?? '', /-2$/);
      assert.deepEqual(v.parts, [five.length, 3]);
      assert.deepEqual(v.meta, { x: 'y' });
      assert.equal(v.size, five.length + 3);
      assert.equal(await code(complete([{ partNumber: 1, etag: p1.etag }])), 'NoSuchUpload');
      const u2 = await s3.createMultipartUpload(d, { bucket: 'bk1', key: 'mp2', attributes: attrs(), checksumAlgorithm: null });
      await s3.uploadPart(d, { bucket: 'bk1', key: 'mp2', uploadId: u2.uploadId, partNumber: 1 }, bytes('x'), {});
      await s3.abortMultipartUpload(d, { bucket: 'bk1', key: 'mp2', uploadId: u2.uploadId });
      assert.equal(await code(s3.abortMultipartUpload(d, { bucket: 'bk1', key: 'mp2', uploadId: u2.uploadId })), 'NoSuchUpload');
      const garbage = await w.db.query<{ n: number }>('SELECT count(*)::int AS n FROM s3_garbage');
      assert.equal(garbage.rows[0]?.n, 4); // parts 1, 2, 3 of mp and part 1 of mp2
      w.clock.advance(120_000);
      assert.equal(await s3.collectGarbage(d), 4);
    } finally {
      await w.dispose();
    }
  });

  test('concurrent PUTs of one key: all succeed, last writer wins, one latest version', async () => {
    const w = await world(open);
    try {
      await s3.putBucketVersioning(w.deps, 'bk1', 'Enabled');
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => w.put('hot', `w${i}`)));
      assert.equal(results.length, 8);
      const versions = await s3.listObjectVersions(w.deps, { bucket: 'bk1', prefix: 'hot', maxKeys: 100 });
      assert.equal(versions.entries.length, 8);
      const latest = versions.entries.filter((e) => e.kind === 'version' && e.version.isLatest);
      assert.equal(latest.length, 1);
      const newest = versions.entries[0]!;
      assert.equal(newest.kind === 'version' && newest.version.isLatest, true);
      const body = await w.read('hot');
      assert.match(body, /^w\d$/);
      await s3.putBucketVersioning(w.deps, 'bk1', 'Suspended');
      await Promise.all(Array.from({ length: 6 }, (_, i) => w.put('hot', `s${i}`)));
      const after = await s3.listObjectVersions(w.deps, { bucket: 'bk1', prefix: 'hot', maxKeys: 100 });
      assert.equal(after.entries.filter((e) => e.kind === 'version' && e.version.versionId === 'null').length, 1);
      assert.equal(after.entries.length, 9);
    } finally {
      await w.dispose();
    }
  });

  test('orphan sweep removes unreferenced blobs and keeps live ones', async () => {
    const w = await world(open);
    try {
      await w.put('live', 'x');
      const orphan = await w.blobs.put(bytes('orphan'));
      const removed = await s3.sweepOrphans(w.deps, new Date(Date.now() + 60_000));
      assert.equal(removed, 1);
      assert.equal(await w.blobs.size(orphan.id), undefined);
      assert.equal(await w.read('live'), 'x');
    } finally {
      await w.dispose();
    }
  });
});
