/**
 * A CodePipeline input written with `OutputArtifactFormat: CODEBUILD_CLONE_REF` (spec C.7): a full
 * `git clone` of the source's repository, with the source branch checked out at the pipeline's
 * commit and tracking `origin/<branch>`, so `git log`, `git describe` and the branch name work in
 * the build. `CODEBUILD_SOURCE_VERSION` stays the artifact's S3 ARN, as for zip inputs.
 */
import type { PipelineInputArtifact } from '../types.js';
import { displayUrl, gitAuthEnv, type HostedGitAuth } from './git-auth.js';
import { runGitIn } from './git-source.js';
import type { FetchedSource } from './types.js';

export async function fetchCloneRef(
  input: PipelineInputArtifact & { cloneRef: NonNullable<PipelineInputArtifact['cloneRef']> },
  dir: string,
  env: Record<string, string>,
  signal: AbortSignal,
  auth: HostedGitAuth | undefined,
): Promise<FetchedSource> {
  const { url, branch, commitId } = input.cloneRef;
  const gitEnv = { ...env, ...(input.cloneRef.hosted ? gitAuthEnv(url, auth) : {}) };
  const git = (args: string[], cwd?: string): Promise<string> => runGitIn(['-c', 'advice.detachedHead=false', ...args], gitEnv, signal, cwd);
  await git(['clone', '--quiet', '--no-checkout', '--', url, dir]);
  await git(['checkout', '--quiet', '-B', branch, commitId], dir);
  // The branch may be gone from the remote since the pipeline ran: then there is nothing to track.
  await git(['branch', '--quiet', `--set-upstream-to=origin/${branch}`], dir).catch(() => undefined);
  return {
    dir,
    repoUrl: displayUrl(url),
    sourceVersion: `arn:aws:s3:::${input.bucket}/${input.key}`,
    resolvedSourceVersion: (await git(['rev-parse', 'HEAD'], dir)).trim(),
  };
}
