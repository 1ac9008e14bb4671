import { isAppError } from '../../shared/index.js';
import type { BlobStore } from '../../store/index.js';

/**
 * After a state change failed: delete the new, never-referenced blob when the failure is a
 * domain decision (the transaction surely rolled back). For infrastructure errors the commit may
 * have happened, so the blob stays and the sweep decides by looking at the references.
 */
export async function discardBlobAfter(err: unknown, blobs: BlobStore, blobId: string): Promise<void> {
  if (isAppError(err)) await blobs.delete(blobId).catch(() => undefined);
}
