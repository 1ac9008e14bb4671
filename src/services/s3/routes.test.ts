import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchRoute, ROUTES, type Level } from './routes.js';

const cases: [string, Level, string, Record<string, string>, string | undefined, boolean?][] = [
  ['GET', 'service', '', {}, 'ListBuckets'],
  ['GET', 'bucket', '', {}, 'ListObjects'],
  ['GET', 'bucket', 'list-type=2&prefix=a', {}, 'ListObjectsV2'],
  ['GET', 'bucket', 'versions&prefix=a', {}, 'ListObjectVersions'],
  ['GET', 'bucket', 'location', {}, 'GetBucketLocation'],
  ['GET', 'bucket', 'uploads', {}, 'ListMultipartUploads'],
  ['GET', 'bucket', 'acl', {}, 'GetBucketAcl'],
  ['GET', 'bucket', 'policy', {}, 'GetBucketPolicy', false],
  ['PUT', 'bucket', 'cors', {}, 'PutBucketCors', false],
  ['DELETE', 'bucket', 'website', {}, 'DeleteBucketWebsite', false],
  ['PUT', 'bucket', 'tagging', {}, 'PutBucketTagging', false],
  ['PUT', 'bucket', 'lifecycle', {}, 'PutBucketLifecycleConfiguration'],
  ['DELETE', 'bucket', 'lifecycle', {}, 'DeleteBucketLifecycle'],
  ['PUT', 'bucket', '', {}, 'CreateBucket'],
  ['HEAD', 'bucket', '', {}, 'HeadBucket'],
  ['POST', 'bucket', 'delete', {}, 'DeleteObjects'],
  ['PUT', 'object', '', {}, 'PutObject'],
  ['PUT', 'object', '', { 'x-amz-copy-source': '/b/k' }, 'CopyObject'],
  ['PUT', 'object', 'partNumber=1&uploadId=u', {}, 'UploadPart'],
  ['PUT', 'object', 'partNumber=1&uploadId=u', { 'x-amz-copy-source': '/b/k' }, 'UploadPartCopy'],
  ['POST', 'object', 'uploads', {}, 'CreateMultipartUpload'],
  ['POST', 'object', 'uploadId=u', {}, 'CompleteMultipartUpload'],
  ['GET', 'object', 'uploadId=u', {}, 'ListParts'],
  ['DELETE', 'object', 'uploadId=u', {}, 'AbortMultipartUpload'],
  ['GET', 'object', 'versionId=x', {}, 'GetObject'],
  ['GET', 'object', 'tagging', {}, 'GetObjectTagging'],
  ['GET', 'object', 'acl', {}, 'GetObjectAcl'],
  ['PUT', 'object', 'acl', {}, 'PutObjectAcl', false],
  ['GET', 'object', 'retention', {}, 'GetObjectRetention', false],
  ['GET', 'object', 'attributes', {}, 'GetObjectAttributes'],
  ['PUT', 'object', 'attributes', {}, 'PUT ?attributes', false],
  ['POST', 'object', 'restore', {}, 'RestoreObject', false],
  ['DELETE', 'object', 'versionId=x', {}, 'DeleteObject'],
  ['HEAD', 'object', 'partNumber=1', {}, 'HeadObject'],
  ['PATCH', 'object', '', {}, undefined],
  ['POST', 'object', '', {}, undefined],
];

test('routing table', () => {
  for (const [method, level, query, headers, op, implemented = true] of cases) {
    const r = matchRoute({ method, level, query: new URLSearchParams(query), headers });
    assert.equal(r?.operation, op, `${method} ${level} ?${query}`);
    if (r) assert.equal(r.implemented, implemented, `${method} ${level} ?${query} implemented`);
  }
});

test('implemented routes are S3 operations, and every S3 operation has a route', async () => {
  const { s3Model } = await import('../../aws/models/index.js');
  const known = new Set(Object.keys(s3Model.operations));
  for (const r of ROUTES) if (r.implemented) assert.ok(known.has(r.operation), `${r.operation} is not an S3 operation`);
  const routed = new Set(ROUTES.map((r) => r.operation));
  // Not addressed by bucket/key routing: directory buckets, Object Lambda, S3 Express and the
  // deprecated pre-"Configuration" names that share a sub-resource with their successors.
  const elsewhere = new Set(['ListDirectoryBuckets', 'WriteGetObjectResponse', 'GetBucketLifecycle', 'PutBucketLifecycle',
    'GetBucketNotification', 'PutBucketNotification', 'RenameObject', 'UpdateBucketMetadataInventoryTableConfiguration',
    'UpdateBucketMetadataJournalTableConfiguration', 'CreateBucketMetadataTableConfiguration', 'CreateBucketMetadataConfiguration',
    'ListBucketAnalyticsConfigurations', 'ListBucketIntelligentTieringConfigurations', 'ListBucketInventoryConfigurations',
    'ListBucketMetricsConfigurations', 'PutObjectLockConfiguration', 'GetObjectLockConfiguration']);
  const missing = [...known].filter((op) => !routed.has(op) && !elsewhere.has(op));
  assert.deepEqual(missing, []);
});
