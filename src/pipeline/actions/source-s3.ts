/**
 * Source / AWS / S3 (spec C.7): the object `S3ObjectKey` in `S3Bucket` (its latest version, or the
 * version/key this execution was started for) copied into the artifact store; variables `ETag`,
 * `VersionId`. The revision is the object's version id.
 */
import { join } from 'node:path';
import { errorMessage, isAppError } from '../../shared/index.js';
import { downloadArtifact, uploadArtifact } from '../artifacts/artifact-io.js';
import { configurationError, jobFailed, type ActionOutcome, type ActionRun } from './types.js';

export async function runS3Source(run: ActionRun): Promise<ActionOutcome> {
  const { S3Bucket: bucket, AllowOverrideForS3ObjectKey: allowKey } = run.configuration;
  let key = run.configuration.S3ObjectKey;
  const out = run.outputArtifacts[0];
  if (!bucket || !key) return configurationError('S3Bucket and S3ObjectKey are required');
  if (!out) return configurationError('an S3 source action needs one output artifact');
  const mine = run.sourceOverrides.filter((o) => o.actionName === run.actionName);
  const keyOverride = mine.find((o) => o.revisionType === 'S3_OBJECT_KEY');
  if (keyOverride) {
    if (allowKey !== 'true') return configurationError('S3_OBJECT_KEY overrides need AllowOverrideForS3ObjectKey: true in the action configuration');
    key = keyOverride.revisionValue;
  }
  const versionId = mine.find((o) => o.revisionType === 'S3_OBJECT_VERSION_ID')?.revisionValue;
  try {
    const file = join(run.tmpDir, 'source.zip');
    const got = await downloadArtifact(run.deps, { bucket, key, ...(versionId ? { versionId } : {}) }, file);
    const stored = await uploadArtifact(run.deps, out.bucket, out.key, file);
    const revision = got.versionId === 'null' ? got.etag : got.versionId;
    return {
      kind: 'succeeded',
      summary: `s3://${bucket}/${key}`,
      externalExecutionId: revision,
      outputArtifacts: [{ ...out, ...stored, revision }],
      revision: { revisionId: revision, revisionSummary: `s3://${bucket}/${key}` },
      outputVariables: { ETag: got.etag, ...(got.versionId !== 'null' ? { VersionId: got.versionId } : {}) },
    };
  } catch (err) {
    return jobFailed(isAppError(err) ? `${err.code}: ${err.message} (s3://${bucket}/${key})` : errorMessage(err));
  }
}
