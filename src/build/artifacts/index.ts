// Public API of build/artifacts (re-exports only). Spec A.12.
export { resolveArtifactFiles } from './resolve-artifact-files.js';
export { writeZip } from './write-zip.js';
export type { WriteZipOptions } from './write-zip.js';
export { copyFiles } from './copy-files.js';
export { extractZip } from './extract-zip.js';
export type { ExtractOptions } from './extract-zip.js';
export { artifactName } from './artifact-name.js';
export type { ArtifactNameOptions } from './artifact-name.js';
export { NO_MATCHING_ARTIFACT_PATHS, noMatchingBaseDirectory } from './artifact-messages.js';
export type { ArtifactFile, ArtifactSelection, ResolveOptions, ZipDigest } from './types.js';
