import { objectsError } from './errors.js';

/** S3's largest object key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

const FORBIDDEN_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const FORBIDDEN_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * Why `name` is not a valid general-purpose bucket name (S3's current rules, enforced in every
 * region), or undefined when it is.
 */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'Bucket name must be between 3 and 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'Bucket name can contain only lowercase letters, numbers, periods and hyphens';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'Bucket name must begin and end with a letter or number';
  if (name.includes('..')) return 'Bucket name must not contain two adjacent periods';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'Bucket name must not be formatted as an IP address';
  if (FORBIDDEN_PREFIXES.some((p) => name.startsWith(p))) return 'Bucket name uses a reserved prefix';
  if (FORBIDDEN_SUFFIXES.some((s) => name.endsWith(s))) return 'Bucket name uses a reserved suffix';
  return undefined;
}

export function assertBucketName(name: string): void {
  const problem = bucketNameProblem(name);
  if (problem) throw objectsError('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: name, reason: problem });
}

/**
 * Object keys are data: they are stored in the database and never become file names (blobs are
 * named by opaque ids), so `..`, `/`, `//` and any Unicode are fine and kept exactly as given
 * (no NFC/NFD normalisation). Only what S3 refuses, and what PostgreSQL text cannot hold, is refused.
 */
export function assertObjectKey(key: string): void {
  if (key.length === 0) throw objectsError('InvalidArgument', 'Object key must not be empty.', { ArgumentName: 'key' });
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_KEY_BYTES) {
    throw objectsError('KeyTooLongError', 'Your key is too long', { Size: bytes, MaxSizeAllowed: MAX_KEY_BYTES });
  }
  if (key.includes('\u0000')) {
    throw objectsError('InvalidArgument', 'nagare cannot store object keys that contain the character U+0000.', { ArgumentName: 'key' });
  }
  if (/[\ud800-\udfff]/u.test(key.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
    throw objectsError('InvalidArgument', 'Object key is not valid UTF-8.', { ArgumentName: 'key' });
  }
}
