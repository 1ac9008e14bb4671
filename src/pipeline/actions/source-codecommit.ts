/**
 * Source / AWS / CodeCommit (spec C.7): the tip of `BranchName` (or the commit this execution was
 * started for) as a zip of its tree in the artifact store, with the source output variables.
 */
import { join } from 'node:path';
import { archiveCommit, getCommit, resolveBranch } from '../../source/index.js';
import { errorMessage, isAppError } from '../../shared/index.js';
import { uploadArtifact } from '../artifacts/artifact-io.js';
import { configurationError, jobFailed, type ActionOutcome, type ActionRun } from './types.js';

export async function runCodeCommitSource(run: ActionRun): Promise<ActionOutcome> {
  const { RepositoryName: repo, BranchName: branch } = run.configuration;
  if (!repo || !branch) return configurationError('RepositoryName and BranchName are required');
  return runHostedGitSource(run, repo, branch, (head, message) => ({
    CommitId: head.commitId,
    CommitMessage: message,
    RepositoryName: repo,
    BranchName: branch,
    AuthorDate: head.authorDate.toISOString(),
    CommitterDate: head.committerDate.toISOString(),
  }));
}

export interface HeadFacts {
  commitId: string;
  message: string;
  authorDate: Date;
  committerDate: Date;
}

/**
 * The shared body of every git source nagare hosts: the branch tip (or the commit this execution
 * was started for) zipped into the artifact store, with the provider's output variables.
 */
export async function runHostedGitSource(
  run: ActionRun,
  repo: string,
  branch: string,
  variables: (head: HeadFacts, message: string) => Record<string, string>,
  revisionUrl?: (commitId: string) => string,
): Promise<ActionOutcome> {
  if (run.configuration.OutputArtifactFormat === 'CODEBUILD_CLONE_REF') {
    return configurationError('OutputArtifactFormat CODEBUILD_CLONE_REF is not supported by nagare yet: use CODE_ZIP (the default)');
  }
  const out = run.outputArtifacts[0];
  if (!out) return configurationError('a source action needs one output artifact');
  const override = run.sourceOverrides.find((o) => o.actionName === run.actionName && o.revisionType === 'COMMIT_ID');
  try {
    const head = override ? await commitFacts(run, repo, override.revisionValue) : await resolveBranch(run.deps.source, run.scope, repo, branch);
    const zip = join(run.tmpDir, 'source.zip');
    await archiveCommit(run.deps.source, run.scope, repo, head.commitId, zip);
    const stored = await uploadArtifact(run.deps, out.bucket, out.key, zip, { 'codepipeline-artifact-revision-summary': firstLine(head.message).slice(0, 200) });
    const message = head.message.replace(/\n$/, '');
    const url = revisionUrl?.(head.commitId);
    return {
      kind: 'succeeded',
      summary: message.slice(0, 2048),
      externalExecutionId: head.commitId,
      outputArtifacts: [{ ...out, ...stored, revision: head.commitId }],
      revision: { revisionId: head.commitId, revisionSummary: message.slice(0, 2048), created: head.committerDate, ...(url ? { revisionUrl: url } : {}) },
      outputVariables: variables(head, message.slice(0, 100 * 1024)),
    };
  } catch (err) {
    if (isAppError(err) && err.fault === 'user') return jobFailed(`${err.code}: ${err.message}`);
    return jobFailed(errorMessage(err));
  }
}

/** A COMMIT_ID override may name any commit of the repository (spec C.8), not only the branch tip. */
async function commitFacts(run: ActionRun, repo: string, commitId: string): Promise<HeadFacts> {
  const c = await getCommit(run.deps.source, run.scope, repo, commitId);
  return { commitId: c.commitId, message: c.message, authorDate: c.author.date, committerDate: c.committer.date };
}

const firstLine = (s: string): string => s.split('\n')[0] ?? '';
