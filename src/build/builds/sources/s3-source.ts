/**
 * S3 sources (spec B.3): `location` is `bucket/path/obj.zip` (one zip, unpacked) or `bucket/folder/`
 * (every object below the prefix, copied as files). `sourceVersion` is the object version id.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { errorMessage, isAppError } from '../../../shared/index.js';
import { extractZip } from '../../artifacts/index.js';
import { listObjects, type ObjectsDeps } from '../../../objects/index.js';
import { downloadObject, splitS3Location } from './s3-io.js';
import { SourceError, type FetchedSource } from './types.js';

export async function fetchS3Source(deps: ObjectsDeps, location: string, version: string | undefined, dir: string, tmpDir: string): Promise<FetchedSource> {
  const { bucket, key } = splitS3Location(location);
  const repoUrl = `s3://${bucket}/${key}`;
  try {
    if (key === '' || key.endsWith('/')) {
      await copyFolder(deps, bucket, key, dir);
      return { dir, repoUrl };
    }
    const zip = join(tmpDir, 'source.zip');
    const got = await downloadObject(deps, { bucket, key, ...(version ? { versionId: version } : {}) }, zip);
    await extractZip(zip, dir);
    const versionId = version ?? (got.versionId !== 'null' ? got.versionId : undefined);
    return { dir, repoUrl, ...(versionId !== undefined ? { sourceVersion: versionId } : {}) };
  } catch (err) {
    throw new SourceError(isAppError(err) ? `${err.code}: ${err.message}` : errorMessage(err));
  }
}

async function copyFolder(deps: ObjectsDeps, bucket: string, prefix: string, dir: string): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const page = await listObjects(deps, { bucket, prefix, maxKeys: 1000, ...(after !== undefined ? { after } : {}) });
    for (const entry of page.entries) {
      if (entry.kind !== 'object') continue;
      const rel = entry.version.key.slice(prefix.length);
      after = entry.version.key;
      if (rel === '' || rel.endsWith('/') || rel.split('/').some((s) => s === '..' || s === '.')) continue;
      const target = join(dir, rel);
      await mkdir(dirname(target), { recursive: true });
      await downloadObject(deps, { bucket, key: entry.version.key }, target);
    }
    if (!page.isTruncated) return;
  }
}
