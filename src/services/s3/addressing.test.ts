import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isAwsError } from '../../aws/index.js';
import { assertObjectKey } from '../../objects/index.js';
import { addressOf, bucketFromHost } from './addressing.js';
import { toAwsError } from './errors.js';

test('virtual-hosted and path-style hosts (table)', () => {
  const cases: [string, string | undefined][] = [
    ['127.0.0.1:4566', undefined],
    ['localhost:4566', undefined],
    ['s3.localhost:4566', undefined],
    ['my-bucket.localhost:4566', 'my-bucket'],
    ['my.dotted.bucket.localhost', 'my.dotted.bucket'],
    ['my-bucket.s3.localhost:4566', 'my-bucket'],
    ['my-bucket.s3.amazonaws.com', 'my-bucket'],
    ['my-bucket.s3.eu-west-1.amazonaws.com', 'my-bucket'],
    ['my-bucket.s3-eu-west-1.amazonaws.com', 'my-bucket'],
    ['s3.amazonaws.com', undefined],
    ['s3.us-east-1.amazonaws.com', undefined],
    ['example.com', undefined],
  ];
  for (const [host, bucket] of cases) assert.equal(bucketFromHost(host), bucket, host);
});

test('paths split into bucket and key; keys decoded once, + stays +', () => {
  assert.deepEqual(addressOf('127.0.0.1', '/'), { bucket: '', key: '', style: 'path' });
  assert.deepEqual(addressOf('127.0.0.1', '/b'), { bucket: 'b', key: '', style: 'path' });
  assert.deepEqual(addressOf('127.0.0.1', '/b/'), { bucket: 'b', key: '', style: 'path' });
  assert.deepEqual(addressOf('127.0.0.1', '/b/a%20b+c%2Fd'), { bucket: 'b', key: 'a b+c/d', style: 'path' });
  assert.deepEqual(addressOf('127.0.0.1', '/b//x/../y'), { bucket: 'b', key: '/x/../y', style: 'path' });
  assert.deepEqual(addressOf('b.localhost', '/k%25'), { bucket: 'b', key: 'k%', style: 'virtual' });
  assert.deepEqual(addressOf('b.localhost', '/'), { bucket: 'b', key: '', style: 'virtual' });
  assert.throws(() => addressOf('127.0.0.1', '/b/%E0%A4%A'), (e: unknown) => isAwsError(e) && e.code === 'InvalidURI');
  assert.throws(() => addressOf('127.0.0.1', '/b/%FF'), (e: unknown) => isAwsError(e) && e.code === 'InvalidURI');
});

test('property: any request path yields a key that is only data, or an S3 error — never another exception', () => {
  const segment = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
    fc.constantFrom('..', '.', '', '%2e%2e', '%2F', '%00', '%ZZ', '%E2%82', '%C0%AF', '~', '+', '%'),
  );
  fc.assert(fc.property(fc.array(segment, { maxLength: 8 }), (segs) => {
    const raw = '/bucket/' + segs.join('/');
    try {
      const { bucket, key } = addressOf('127.0.0.1:4566', raw);
      assert.equal(bucket, 'bucket');
      if (key !== '') assertObjectKey(key);
    } catch (err) {
      assert.ok(isAwsError(toAwsError(err)), `non-S3 error for ${raw}: ${String(err)}`);
    }
  }), { numRuns: 3000 });
});
