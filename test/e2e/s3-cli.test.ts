import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { aws, awsOk } from '../support/aws-cli.js';
import { startNagare, type NagareHandle } from '../support/nagare.js';

/** S3 as the real AWS CLI v2 (`/usr/bin/aws`) drives it: `aws s3 …` and `aws s3api …` against `nagare up`. */

let nagare: NagareHandle;
let work: string;
const cli = (args: string[], region?: string) => awsOk(nagare.endpoint, args, region ? { region } : {});
const fails = async (args: string[], code: string, region?: string): Promise<string> => {
  const r = await aws(nagare.endpoint, args, region ? { region } : {});
  assert.notEqual(r.code, 0, `expected ${args.join(' ')} to fail`);
  assert.match(r.stderr, new RegExp(`\\(${code}\\)`), r.stderr);
  return r.stderr;
};
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

before(async () => {
  nagare = await startNagare();
  work = await mkdtemp(join(tmpdir(), 'nagare-s3-cli-'));
});
after(async () => {
  await nagare?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('aws s3 (high-level commands)', () => {
  test('mb, cp, ls, sync, rm, presign, rb', async () => {
    await cli(['s3', 'mb', 's3://cli-high']);
    const src = join(work, 'tree');
    await mkdir(join(src, 'dir', 'sub'), { recursive: true });
    await writeFile(join(src, 'top.txt'), 'top\n');
    await writeFile(join(src, 'dir', 'a b+c.txt'), 'spaces and plus\n');
    await writeFile(join(src, 'dir', 'sub', 'deep.json'), '{"x":1}\n');
    await writeFile(join(src, 'dir', 'café.txt'), 'unicode\n');
    await cli(['s3', 'cp', join(src, 'top.txt'), 's3://cli-high/top.txt', '--only-show-errors']);
    const sync = await cli(['s3', 'sync', src, 's3://cli-high/tree/', '--only-show-errors']);
    assert.equal(sync.stdout, '');
    // A second sync uploads nothing: sizes and times match what ListObjectsV2 (encoding-type=url) returned.
    const again = await cli(['s3', 'sync', src, 's3://cli-high/tree/']);
    assert.equal(again.stdout.trim(), '');
    const ls = await cli(['s3', 'ls', 's3://cli-high/tree/']);
    assert.match(ls.stdout, /PRE dir\//);
    assert.match(ls.stdout, /top\.txt/);
    const rec = await cli(['s3', 'ls', 's3://cli-high/tree/', '--recursive']);
    for (const k of ['tree/dir/a b+c.txt', 'tree/dir/sub/deep.json', 'tree/dir/café.txt', 'tree/top.txt']) assert.ok(rec.stdout.includes(k), k);
    const down = join(work, 'down');
    await cli(['s3', 'sync', 's3://cli-high/tree/', down, '--only-show-errors']);
    assert.equal(await readFile(join(down, 'dir', 'a b+c.txt'), 'utf8'), 'spaces and plus\n');
    assert.equal(await readFile(join(down, 'dir', 'café.txt'), 'utf8'), 'unicode\n');
    const buckets = await cli(['s3', 'ls']);
    assert.match(buckets.stdout, /cli-high/);
    const url = (await cli(['s3', 'presign', 's3://cli-high/tree/dir/a b+c.txt', '--expires-in', '300'])).stdout.trim();
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'spaces and plus\n');
    const tampered = await fetch(url.replace('X-Amz-Expires=300', 'X-Amz-Expires=301'));
    assert.equal(tampered.status, 403);
    await cli(['s3', 'rm', 's3://cli-high/tree/', '--recursive', '--only-show-errors']);
    assert.equal((await cli(['s3', 'ls', 's3://cli-high/tree/'], undefined).catch(() => ({ stdout: '' }))).stdout.trim(), '');
    await fails(['s3api', 'delete-bucket', '--bucket', 'cli-high'], 'BucketNotEmpty');
    await cli(['s3', 'rm', 's3://cli-high/top.txt']);
    await cli(['s3', 'rb', 's3://cli-high']);
    await fails(['s3api', 'head-bucket', '--bucket', 'cli-high'], '404');
  });

  test('a 200 MB file goes up as multipart and comes back byte-identical', async () => {
    await cli(['s3', 'mb', 's3://cli-big']);
    const file = join(work, 'big.bin');
    const chunk = Buffer.alloc(1024 * 1024);
    const parts: Buffer[] = [];
    for (let i = 0; i < 200; i++) {
      chunk.fill(i % 251);
      chunk.writeUInt32BE(i, 0);
      parts.push(Buffer.from(chunk));
    }
    const data = Buffer.concat(parts);
    await writeFile(file, data);
    await cli(['s3', 'cp', file, 's3://cli-big/big.bin', '--only-show-errors']);
    const head = (await cli(['s3api', 'head-object', '--bucket', 'cli-big', '--key', 'big.bin'])).json<{ ContentLength: number; ETag: string }>();
    assert.equal(head.ContentLength, data.length);
    assert.match(head.ETag, /^"[0-9a-f]{32}-25"$/); // 8 MiB parts
    const back = join(work, 'big.back');
    await cli(['s3', 'cp', 's3://cli-big/big.bin', back, '--only-show-errors']);
    assert.equal(sha(await readFile(back)), sha(data));
    await rm(back);
    await rm(file);
  });
});

describe('aws s3api', () => {
  test('buckets: create (regions, name rules, duplicates), head, location, list, delete', async () => {
    await cli(['s3api', 'create-bucket', '--bucket', 'api-east']);
    await cli(['s3api', 'create-bucket', '--bucket', 'api-west', '--create-bucket-configuration', 'LocationConstraint=eu-west-1'], 'eu-west-1');
    await fails(['s3api', 'create-bucket', '--bucket', 'api-west', '--create-bucket-configuration', 'LocationConstraint=eu-west-1'], 'BucketAlreadyOwnedByYou', 'eu-west-1');
    await fails(['s3api', 'create-bucket', '--bucket', 'api-nolc'], 'IllegalLocationConstraintException', 'eu-west-1');
    await fails(['s3api', 'create-bucket', '--bucket', 'bad_name'], 'InvalidBucketName');
    assert.deepEqual((await cli(['s3api', 'get-bucket-location', '--bucket', 'api-east'])).json(), { LocationConstraint: null });
    assert.deepEqual((await cli(['s3api', 'get-bucket-location', '--bucket', 'api-west'])).json(), { LocationConstraint: 'eu-west-1' });
    await cli(['s3api', 'head-bucket', '--bucket', 'api-west']); // CLI 2.9 prints nothing for HeadBucket
    const list = (await cli(['s3api', 'list-buckets'])).json<{ Buckets: { Name: string; CreationDate: string }[]; Owner: { ID: string } }>();
    assert.ok(list.Buckets.some((b) => b.Name === 'api-east'));
    assert.match(list.Owner.ID, /^[0-9a-f]{64}$/);
    await fails(['s3api', 'get-bucket-policy', '--bucket', 'api-east'], 'NotImplemented');
    await fails(['s3api', 'get-bucket-cors', '--bucket', 'api-east'], 'NotImplemented');
    await fails(['s3api', 'put-bucket-acl', '--bucket', 'api-east', '--acl', 'private'], 'NotImplemented');
    const acl = (await cli(['s3api', 'get-bucket-acl', '--bucket', 'api-east'])).json<{ Grants: { Permission: string }[] }>();
    assert.equal(acl.Grants[0]?.Permission, 'FULL_CONTROL');
    await cli(['s3api', 'delete-bucket', '--bucket', 'api-west'], 'eu-west-1');
    await fails(['s3api', 'delete-bucket', '--bucket', 'api-west'], 'NoSuchBucket');
  });

  test('objects: metadata, Content-MD5, ranges, conditions, copy, tagging, errors', async () => {
    await cli(['s3api', 'create-bucket', '--bucket', 'api-obj']);
    const file = join(work, 'obj.txt');
    await writeFile(file, '0123456789');
    const md5 = createHash('md5').update('0123456789').digest('base64');
    const put = (await cli(['s3api', 'put-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--body', file, '--content-md5', md5,
      '--content-type', 'text/plain', '--cache-control', 'max-age=60', '--content-disposition', 'attachment', '--metadata', 'owner=ci,stage=build',
      '--tagging', 'env=dev'])).json<{ ETag: string }>();
    assert.equal(put.ETag, `"${createHash('md5').update('0123456789').digest('hex')}"`);
    await fails(['s3api', 'put-object', '--bucket', 'api-obj', '--key', 'bad', '--body', file, '--content-md5', createHash('md5').update('x').digest('base64')], 'BadDigest');
    await fails(['s3api', 'head-object', '--bucket', 'api-obj', '--key', 'bad'], '404');
    const head = (await cli(['s3api', 'head-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt'])).json<Record<string, unknown>>();
    assert.equal(head.ContentType, 'text/plain');
    assert.equal(head.CacheControl, 'max-age=60');
    assert.equal(head.ContentDisposition, 'attachment');
    assert.deepEqual(head.Metadata, { owner: 'ci', stage: 'build' });
    assert.equal(head.ContentLength, 10);
    const out = join(work, 'range.out');
    const ranged = (await cli(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--range', 'bytes=2-4', out])).json<Record<string, unknown>>();
    assert.equal(ranged.ContentRange, 'bytes 2-4/10');
    assert.equal(await readFile(out, 'utf8'), '234');
    await cli(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--range', 'bytes=-3', out]);
    assert.equal(await readFile(out, 'utf8'), '789');
    await cli(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--range', 'bytes=7-', out]);
    assert.equal(await readFile(out, 'utf8'), '789');
    await fails(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--range', 'bytes=10-', out], 'InvalidRange');
    await fails(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--if-match', '"nope"', out], 'PreconditionFailed');
    await fails(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--if-none-match', put.ETag, out], '304');
    await fails(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--if-unmodified-since', '2000-01-01T00:00:00Z', out], 'PreconditionFailed');
    await cli(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--if-modified-since', '2000-01-01T00:00:00Z', out]);
    const nsk = await fails(['s3api', 'get-object', '--bucket', 'api-obj', '--key', 'missing', out], 'NoSuchKey');
    assert.match(nsk, /does not exist/);
    await fails(['s3api', 'get-object', '--bucket', 'no-such-bucket-x', '--key', 'k', out], 'NoSuchBucket');
    // An early error on a large PUT: botocore sends the whole body before it reads the answer, so
    // the server must drain it rather than stall the connection.
    const large = join(work, 'large.bin');
    await writeFile(large, Buffer.alloc(24 * 1024 * 1024, 1));
    // (a stalled connection would end in "Connection was closed", not in the S3 error)
    await fails(['s3api', 'put-object', '--bucket', 'no-such-bucket-x', '--key', 'k', '--body', large], 'NoSuchBucket');
    await rm(large);
    await fails(['s3api', 'put-object', '--bucket', 'api-obj', '--key', 'k'.repeat(1025), '--body', file], 'KeyTooLongError');
    // Copy: metadata COPY by default, REPLACE on request; onto itself only with a change.
    const copied = (await cli(['s3api', 'copy-object', '--bucket', 'api-obj', '--key', 'copy.txt', '--copy-source', 'api-obj/dir/obj.txt'])).json<{ CopyObjectResult: { ETag: string } }>();
    assert.equal(copied.CopyObjectResult.ETag, put.ETag);
    assert.deepEqual((await cli(['s3api', 'head-object', '--bucket', 'api-obj', '--key', 'copy.txt'])).json<{ Metadata: unknown }>().Metadata, { owner: 'ci', stage: 'build' });
    await fails(['s3api', 'copy-object', '--bucket', 'api-obj', '--key', 'copy.txt', '--copy-source', 'api-obj/copy.txt'], 'InvalidRequest');
    await cli(['s3api', 'copy-object', '--bucket', 'api-obj', '--key', 'copy.txt', '--copy-source', 'api-obj/copy.txt', '--metadata-directive', 'REPLACE', '--metadata', 'x=y', '--content-type', 'application/json']);
    const replaced = (await cli(['s3api', 'head-object', '--bucket', 'api-obj', '--key', 'copy.txt'])).json<{ Metadata: unknown; ContentType: string }>();
    assert.deepEqual(replaced.Metadata, { x: 'y' });
    assert.equal(replaced.ContentType, 'application/json');
    const tags = (await cli(['s3api', 'get-object-tagging', '--bucket', 'api-obj', '--key', 'dir/obj.txt'])).json<{ TagSet: unknown }>();
    assert.deepEqual(tags.TagSet, [{ Key: 'env', Value: 'dev' }]);
    await cli(['s3api', 'put-object-tagging', '--bucket', 'api-obj', '--key', 'dir/obj.txt', '--tagging', 'TagSet=[{Key=a,Value=b}]']);
    assert.deepEqual((await cli(['s3api', 'get-object-tagging', '--bucket', 'api-obj', '--key', 'dir/obj.txt'])).json<{ TagSet: unknown }>().TagSet, [{ Key: 'a', Value: 'b' }]);
    // Keys are data: dot segments and unicode normalisation forms are distinct objects.
    for (const key of ['../../etc/passwd', 'a/../b', 'caf\u00e9', 'cafe\u0301', '//double']) {
      await cli(['s3api', 'put-object', '--bucket', 'api-obj', '--key', key, '--body', file]);
    }
    const keys = (await cli(['s3api', 'list-objects-v2', '--bucket', 'api-obj'])).json<{ Contents: { Key: string }[] }>().Contents.map((c) => c.Key);
    for (const key of ['../../etc/passwd', 'a/../b', 'caf\u00e9', 'cafe\u0301', '//double']) assert.ok(keys.includes(key), key);
    // DeleteObjects (the CLI sends Content-MD5), quiet and verbose.
    const del = (await cli(['s3api', 'delete-objects', '--bucket', 'api-obj', '--delete', JSON.stringify({ Objects: [{ Key: 'caf\u00e9' }, { Key: 'cafe\u0301' }, { Key: 'never-existed' }] })])).json<{ Deleted: { Key: string }[] }>();
    assert.deepEqual(del.Deleted.map((d) => d.Key).sort(), ['caf\u00e9', 'cafe\u0301', 'never-existed'].sort());
    const quiet = await cli(['s3api', 'delete-objects', '--bucket', 'api-obj', '--delete', JSON.stringify({ Objects: [{ Key: '//double' }], Quiet: true })]);
    assert.equal(quiet.stdout.trim(), '');
    await cli(['s3api', 'delete-object', '--bucket', 'api-obj', '--key', 'never-existed']);
  });

  test('listing: v1 markers, v2 tokens, delimiter, start-after, fetch-owner, encoding', async () => {
    await cli(['s3api', 'create-bucket', '--bucket', 'api-list']);
    const file = join(work, 'one');
    await writeFile(file, '1');
    const keys = ['a/1', 'a/2', 'b/1', 'c', 'd e', 'f+g', 'h%i'];
    for (const k of keys) await cli(['s3api', 'put-object', '--bucket', 'api-list', '--key', k, '--body', file]);
    const v2 = (await cli(['s3api', 'list-objects-v2', '--bucket', 'api-list', '--delimiter', '/', '--page-size', '2'])).json<{ Contents: { Key: string }[]; CommonPrefixes: { Prefix: string }[] }>();
    assert.deepEqual(v2.CommonPrefixes.map((p) => p.Prefix), ['a/', 'b/']);
    assert.deepEqual(v2.Contents.map((c) => c.Key), ['c', 'd e', 'f+g', 'h%i']);
    const one = (await cli(['s3api', 'list-objects-v2', '--bucket', 'api-list', '--max-items', '3'])).json<{ Contents: unknown[]; NextToken: string }>();
    assert.equal(one.Contents.length, 3);
    assert.ok(one.NextToken);
    const rest = (await cli(['s3api', 'list-objects-v2', '--bucket', 'api-list', '--starting-token', one.NextToken])).json<{ Contents: { Key: string }[] }>();
    assert.deepEqual(rest.Contents.map((c) => c.Key), ['c', 'd e', 'f+g', 'h%i']);
    const sa = (await cli(['s3api', 'list-objects-v2', '--bucket', 'api-list', '--start-after', 'c', '--fetch-owner'])).json<{ Contents: { Key: string; Owner?: { ID: string } }[] }>();
    assert.deepEqual(sa.Contents.map((c) => c.Key), ['d e', 'f+g', 'h%i']);
    assert.match(sa.Contents[0]?.Owner?.ID ?? '', /^[0-9a-f]{64}$/);
    const v1 = (await cli(['s3api', 'list-objects', '--bucket', 'api-list', '--page-size', '2', '--prefix', 'a'])).json<{ Contents: { Key: string }[] }>();
    assert.deepEqual(v1.Contents.map((c) => c.Key), ['a/1', 'a/2']);
    const v1all = (await cli(['s3api', 'list-objects', '--bucket', 'api-list', '--page-size', '3'])).json<{ Contents: { Key: string }[] }>();
    assert.deepEqual(v1all.Contents.map((c) => c.Key), keys);
  });

  test('multipart: create, upload-part, list-parts, list-multipart-uploads, complete, abort, part errors', async () => {
    await cli(['s3api', 'create-bucket', '--bucket', 'api-mpu']);
    const p1 = join(work, 'p1');
    const p2 = join(work, 'p2');
    await writeFile(p1, Buffer.alloc(5 * 1024 * 1024, 7));
    await writeFile(p2, 'tail');
    const { UploadId } = (await cli(['s3api', 'create-multipart-upload', '--bucket', 'api-mpu', '--key', 'obj', '--metadata', 'k=v'])).json<{ UploadId: string }>();
    const e1 = (await cli(['s3api', 'upload-part', '--bucket', 'api-mpu', '--key', 'obj', '--upload-id', UploadId, '--part-number', '1', '--body', p1])).json<{ ETag: string }>().ETag;
    const e2 = (await cli(['s3api', 'upload-part', '--bucket', 'api-mpu', '--key', 'obj', '--upload-id', UploadId, '--part-number', '2', '--body', p2])).json<{ ETag: string }>().ETag;
    const parts = (await cli(['s3api', 'list-parts', '--bucket', 'api-mpu', '--key', 'obj', '--upload-id', UploadId])).json<{ Parts: { PartNumber: number; Size: number }[] }>();
    assert.deepEqual(parts.Parts.map((p) => [p.PartNumber, p.Size]), [[1, 5 * 1024 * 1024], [2, 4]]);
    const uploads = (await cli(['s3api', 'list-multipart-uploads', '--bucket', 'api-mpu'])).json<{ Uploads: { UploadId: string }[] }>();
    assert.deepEqual(uploads.Uploads.map((u) => u.UploadId), [UploadId]);
    const mp = (list: [number, string][]) => JSON.stringify({ Parts: list.map(([PartNumber, ETag]) => ({ PartNumber, ETag })) });
    await fails(['s3api', 'complete-multipart-upload', '--bucket', 'api-mpu', '--key', 'obj', '--upload-id', UploadId, '--multipart-upload', mp([[2, e2], [1, e1]])], 'InvalidPartOrder');
    await fails(['s3api', 'complete-multipart-upload', '--bucket', 'api-mpu', '--key', 'obj', '--upload-id', UploadId, '--multipart-upload', mp([[1, '"0000"']])], 'InvalidPart');
    await fails(['s3api', 'complete-multipart-upload', '--bucket', 'api-mpu', '--key', 'obj', '--upload-id', UploadId, '--multipart-upload', mp([[2, e2], [3, e2]])], 'InvalidPart');
    const done = (await cli(['s3api', 'complete-multipart-upload', '--bucket', 'api-mpu', '--key', 'obj', '--upload-id', UploadId, '--multipart-upload', mp([[1, e1], [2, e2]])])).json<{ ETag: string }>();
    const md5s = [e1, e2].map((e) => Buffer.from(e.replaceAll('"', ''), 'hex'));
    assert.equal(done.ETag, `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-2"`);
    const head = (await cli(['s3api', 'head-object', '--bucket', 'api-mpu', '--key', 'obj', '--part-number', '2'])).json<{ ContentLength: number; PartsCount: number; Metadata: unknown }>();
    assert.equal(head.ContentLength, 4);
    assert.equal(head.PartsCount, 2);
    assert.deepEqual(head.Metadata, { k: 'v' });
    await fails(['s3api', 'list-parts', '--bucket', 'api-mpu', '--key', 'obj', '--upload-id', UploadId], 'NoSuchUpload');
    const small = (await cli(['s3api', 'create-multipart-upload', '--bucket', 'api-mpu', '--key', 'small'])).json<{ UploadId: string }>().UploadId;
    const s1 = (await cli(['s3api', 'upload-part', '--bucket', 'api-mpu', '--key', 'small', '--upload-id', small, '--part-number', '1', '--body', p2])).json<{ ETag: string }>().ETag;
    const s2 = (await cli(['s3api', 'upload-part', '--bucket', 'api-mpu', '--key', 'small', '--upload-id', small, '--part-number', '2', '--body', p2])).json<{ ETag: string }>().ETag;
    await fails(['s3api', 'complete-multipart-upload', '--bucket', 'api-mpu', '--key', 'small', '--upload-id', small, '--multipart-upload', mp([[1, s1], [2, s2]])], 'EntityTooSmall');
    // UploadPartCopy of a range of an existing object.
    const copy = (await cli(['s3api', 'upload-part-copy', '--bucket', 'api-mpu', '--key', 'small', '--upload-id', small, '--part-number', '3', '--copy-source', 'api-mpu/obj', '--copy-source-range', 'bytes=0-9'])).json<{ CopyPartResult: { ETag: string } }>();
    assert.equal(copy.CopyPartResult.ETag, `"${createHash('md5').update(Buffer.alloc(10, 7)).digest('hex')}"`);
    await cli(['s3api', 'abort-multipart-upload', '--bucket', 'api-mpu', '--key', 'small', '--upload-id', small]);
    await fails(['s3api', 'abort-multipart-upload', '--bucket', 'api-mpu', '--key', 'small', '--upload-id', small], 'NoSuchUpload');
  });

  test('versioning: enable, versions, delete markers, suspend (null versions), list-object-versions', async () => {
    await cli(['s3api', 'create-bucket', '--bucket', 'api-ver']);
    const file = join(work, 'v');
    assert.deepEqual((await cli(['s3api', 'get-bucket-versioning', '--bucket', 'api-ver'])).stdout.trim(), '');
    await writeFile(file, 'pre');
    const pre = (await cli(['s3api', 'put-object', '--bucket', 'api-ver', '--key', 'k', '--body', file])).json<{ VersionId?: string }>();
    assert.equal(pre.VersionId, undefined);
    await cli(['s3api', 'put-bucket-versioning', '--bucket', 'api-ver', '--versioning-configuration', 'Status=Enabled']);
    assert.deepEqual((await cli(['s3api', 'get-bucket-versioning', '--bucket', 'api-ver'])).json(), { Status: 'Enabled' });
    await writeFile(file, 'one');
    const v1 = (await cli(['s3api', 'put-object', '--bucket', 'api-ver', '--key', 'k', '--body', file])).json<{ VersionId: string }>().VersionId;
    await writeFile(file, 'two');
    const v2 = (await cli(['s3api', 'put-object', '--bucket', 'api-ver', '--key', 'k', '--body', file])).json<{ VersionId: string }>().VersionId;
    assert.notEqual(v1, v2);
    const out = join(work, 'v.out');
    const got = (await cli(['s3api', 'get-object', '--bucket', 'api-ver', '--key', 'k', '--version-id', v1, out])).json<{ VersionId: string }>();
    assert.equal(got.VersionId, v1);
    assert.equal(await readFile(out, 'utf8'), 'one');
    await cli(['s3api', 'get-object', '--bucket', 'api-ver', '--key', 'k', '--version-id', 'null', out]);
    assert.equal(await readFile(out, 'utf8'), 'pre');
    const del = (await cli(['s3api', 'delete-object', '--bucket', 'api-ver', '--key', 'k'])).json<{ DeleteMarker: boolean; VersionId: string }>();
    assert.equal(del.DeleteMarker, true);
    await fails(['s3api', 'get-object', '--bucket', 'api-ver', '--key', 'k', out], 'NoSuchKey');
    await fails(['s3api', 'head-object', '--bucket', 'api-ver', '--key', 'k', '--version-id', del.VersionId], '405');
    await fails(['s3api', 'get-object', '--bucket', 'api-ver', '--key', 'k', '--version-id', 'nonexistent', out], 'NoSuchVersion');
    const versions = (await cli(['s3api', 'list-object-versions', '--bucket', 'api-ver'])).json<{ Versions: { VersionId: string; IsLatest: boolean }[]; DeleteMarkers: { VersionId: string; IsLatest: boolean }[] }>();
    assert.deepEqual(versions.Versions.map((v) => v.VersionId), [v2, v1, 'null']);
    assert.deepEqual(versions.DeleteMarkers.map((m) => [m.VersionId, m.IsLatest]), [[del.VersionId, true]]);
    const paged = (await cli(['s3api', 'list-object-versions', '--bucket', 'api-ver', '--page-size', '1'])).json<{ Versions: unknown[]; DeleteMarkers: unknown[] }>();
    assert.equal(paged.Versions.length + paged.DeleteMarkers.length, 4);
    await cli(['s3api', 'delete-object', '--bucket', 'api-ver', '--key', 'k', '--version-id', del.VersionId]);
    await cli(['s3api', 'get-object', '--bucket', 'api-ver', '--key', 'k', out]);
    assert.equal(await readFile(out, 'utf8'), 'two');
    await cli(['s3api', 'put-bucket-versioning', '--bucket', 'api-ver', '--versioning-configuration', 'Status=Suspended']);
    await writeFile(file, 'suspended');
    const sput = (await cli(['s3api', 'put-object', '--bucket', 'api-ver', '--key', 'k', '--body', file])).json<{ VersionId?: string }>();
    assert.equal(sput.VersionId, undefined);
    const shead = (await cli(['s3api', 'head-object', '--bucket', 'api-ver', '--key', 'k'])).json<{ VersionId: string }>();
    assert.equal(shead.VersionId, 'null');
    const after2 = (await cli(['s3api', 'list-object-versions', '--bucket', 'api-ver'])).json<{ Versions: { VersionId: string }[] }>();
    assert.deepEqual(after2.Versions.map((v) => v.VersionId), ['null', v2, v1]);
  });

  test('lifecycle configuration: put, get, delete, errors', async () => {
    await cli(['s3api', 'create-bucket', '--bucket', 'api-lc']);
    await fails(['s3api', 'get-bucket-lifecycle-configuration', '--bucket', 'api-lc'], 'NoSuchLifecycleConfiguration');
    const config = {
      Rules: [
        { ID: 'tmp', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 } },
        { ID: 'old', Status: 'Enabled', Filter: {}, NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
      ],
    };
    await cli(['s3api', 'put-bucket-lifecycle-configuration', '--bucket', 'api-lc', '--lifecycle-configuration', JSON.stringify(config)]);
    const got = (await cli(['s3api', 'get-bucket-lifecycle-configuration', '--bucket', 'api-lc'])).json<{ Rules: unknown[] }>();
    assert.deepEqual(got.Rules, [
      { Expiration: { Days: 1 }, ID: 'tmp', Filter: { Prefix: 'tmp/' }, Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 } },
      { ID: 'old', Filter: {}, Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
    ]);
    await fails(['s3api', 'put-bucket-lifecycle-configuration', '--bucket', 'api-lc', '--lifecycle-configuration',
      JSON.stringify({ Rules: [{ ID: 'x', Status: 'Enabled', Filter: {}, Expiration: { Days: 0 } }] })], 'InvalidArgument');
    await fails(['s3api', 'put-bucket-lifecycle-configuration', '--bucket', 'api-lc', '--lifecycle-configuration',
      JSON.stringify({ Rules: [{ ID: 'x', Status: 'Enabled', Filter: {}, Expiration: { Days: 1 } }, { ID: 'x', Status: 'Enabled', Filter: {}, Expiration: { Days: 2 } }] })], 'InvalidArgument');
    await cli(['s3api', 'delete-bucket-lifecycle', '--bucket', 'api-lc']);
    await fails(['s3api', 'get-bucket-lifecycle-configuration', '--bucket', 'api-lc'], 'NoSuchLifecycleConfiguration');
  });
});
