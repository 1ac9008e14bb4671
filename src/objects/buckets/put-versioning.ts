import { objectsError } from '../errors.js';
import { setVersioning } from '../store/bucket-repo.js';
import type { ObjectsDeps, VersioningStatus } from '../types.js';
import { requireBucket } from './get-bucket.js';

/** Enables or suspends versioning. A bucket never returns to 'Unversioned' (as in S3). */
export async function putBucketVersioning(deps: ObjectsDeps, name: string, status: string): Promise<void> {
  if (status !== 'Enabled' && status !== 'Suspended') {
    throw objectsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  }
  await deps.db.transaction(async (tx) => {
    await requireBucket(tx, name, 'update');
    await setVersioning(tx, name, status satisfies VersioningStatus);
  });
}
