/**
 * CodePipeline input artifacts (spec A.14, C.7): each is a zip in the artifact store, unpacked into
 * its directory. `CODEBUILD_SOURCE_VERSION` is the zip's S3 ARN and the resolved version is the
 * revision the pipeline passed (Surprise 13).
 */
import { join } from 'node:path';
import { errorMessage, isAppError } from '../../../shared/index.js';
import { extractZip } from '../../artifacts/index.js';
import type { ObjectsDeps } from '../../../objects/index.js';
import type { PipelineInputArtifact } from '../types.js';
import { downloadObject } from './s3-io.js';
import { SourceError, type FetchedSource } from './types.js';

export async function fetchPipelineArtifact(deps: ObjectsDeps, input: PipelineInputArtifact, dir: string, tmpDir: string): Promise<FetchedSource> {
  const zip = join(tmpDir, `${input.name}.zip`);
  try {
    await downloadObject(deps, { bucket: input.bucket, key: input.key, ...(input.versionId ? { versionId: input.versionId } : {}) }, zip);
    await extractZip(zip, dir);
  } catch (err) {
    throw new SourceError(isAppError(err) ? `${err.code}: ${err.message}` : errorMessage(err));
  }
  return {
    dir,
    repoUrl: '',
    sourceVersion: `arn:aws:s3:::${input.bucket}/${input.key}`,
    ...(input.revision !== undefined ? { resolvedSourceVersion: input.revision } : {}),
  };
}
