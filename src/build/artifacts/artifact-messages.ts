/**
 * The texts CodeBuild shows when artifact selection fails (spec A.10 "Context status codes",
 * A.12). The executor puts them in the UPLOAD_ARTIFACTS phase context with CLIENT_ERROR.
 */
import { AppError } from '../../shared/index.js';

/** `Phase context status code: CLIENT_ERROR Message: no matching artifact paths found` (observed). */
export const NO_MATCHING_ARTIFACT_PATHS = 'no matching artifact paths found';

/** Observed as `no matching base directory path found for cdk.out` (aws-cdk pipelines README). */
export function noMatchingBaseDirectory(baseDirectory: string): string {
  return `no matching base directory path found for ${baseDirectory}`;
}

/** Code 'ArtifactsNoMatch': the executor maps it to UPLOAD_ARTIFACTS FAILED / CLIENT_ERROR. */
export function artifactsNoMatch(message: string, details: Record<string, unknown>): AppError {
  return new AppError('ArtifactsNoMatch', message, { fault: 'user', details });
}
