/**
 * Tells the server's listeners (the pipeline engine's S3 source change detection) that an object
 * version was created, once it is committed. A listener's failure is logged, never the request's.
 */
import { errorMessage } from '../../shared/index.js';
import type { Bucket, ObjectsDeps, ObjectVersion } from '../types.js';

export async function announceCreated(deps: ObjectsDeps, bucket: Pick<Bucket, 'name' | 'region' | 'ownerAccount'>, version: ObjectVersion): Promise<void> {
  if (!deps.onObjectCreated) return;
  await deps
    .onObjectCreated({ accountId: bucket.ownerAccount, region: bucket.region, bucket: bucket.name, key: version.key, versionId: version.versionId, etag: version.etag })
    .catch((err: unknown) => deps.logger.warn({ bucket: bucket.name, key: version.key, err: errorMessage(err) }, 'object-created listener failed'));
}
