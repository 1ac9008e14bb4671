/** What fetching a build's sources yields (spec A.14 source variables). */
export interface FetchedSource {
  dir: string;
  /** `CODEBUILD_SOURCE_REPO_URL[_<id>]`. */
  repoUrl?: string;
  /** `CODEBUILD_SOURCE_VERSION[_<id>]`. */
  sourceVersion?: string;
  /** The commit built (git sources, CodePipeline revisions); unset for S3 (spec B.3). */
  resolvedSourceVersion?: string;
}

/** A fetch problem: fails DOWNLOAD_SOURCE with CLIENT_ERROR and this message (observed wording). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}
