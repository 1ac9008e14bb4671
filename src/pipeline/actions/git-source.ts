/**
 * The shared body of every git source action (CodeCommit, CodeStarSourceConnection, GitHub v1):
 * the branch tip — or the commit this execution was started for — from the action's origin, as
 * `OutputArtifactFormat` asks (spec C.7):
 * - `CODE_ZIP` (default): a zip of the commit's tree in the artifact store;
 * - `CODEBUILD_CLONE_REF`: a small JSON reference in the artifact store, and the clone reference on
 *   the artifact itself, from which a downstream CodeBuild action makes a full git clone.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage, isAppError } from '../../shared/index.js';
import { uploadArtifact } from '../artifacts/artifact-io.js';
import { configurationError, jobFailed, type ActionOutcome, type ActionRun, type CloneRef } from './types.js';

export interface HeadFacts {
  commitId: string;
  message: string;
  authorDate: Date;
  committerDate: Date;
}

/** Where a git source reads from: a hosted repository or a mirror of a configured remote. */
export interface GitOrigin {
  branchHead(branch: string): Promise<HeadFacts>;
  /** A COMMIT_ID override may name any commit of the repository (spec C.8), not only the branch tip. */
  commit(commitId: string): Promise<HeadFacts>;
  archive(commitId: string, destZip: string): Promise<void>;
  /** The git URL a build clones for CODEBUILD_CLONE_REF; undefined when there is none to give. */
  cloneRef(branch: string, commitId: string): CloneRef | undefined;
}

export const CLONE_REF_FORMAT = 'CODEBUILD_CLONE_REF';

export async function runGitSource(
  run: ActionRun,
  origin: GitOrigin,
  branch: string,
  variables: (head: HeadFacts, message: string) => Record<string, string>,
  revisionUrl?: (commitId: string) => string,
): Promise<ActionOutcome> {
  const format = run.configuration.OutputArtifactFormat ?? 'CODE_ZIP';
  if (format !== 'CODE_ZIP' && format !== CLONE_REF_FORMAT) return configurationError(`OutputArtifactFormat must be CODE_ZIP or ${CLONE_REF_FORMAT}, not ${format}`);
  const out = run.outputArtifacts[0];
  if (!out) return configurationError('a source action needs one output artifact');
  const override = run.sourceOverrides.find((o) => o.actionName === run.actionName && o.revisionType === 'COMMIT_ID');
  try {
    const head = override ? await origin.commit(override.revisionValue) : await origin.branchHead(branch);
    const message = head.message.replace(/\n$/, '');
    const meta = { 'codepipeline-artifact-revision-summary': firstLine(head.message).slice(0, 200) };
    let artifact;
    if (format === CLONE_REF_FORMAT) {
      const ref = origin.cloneRef(branch, head.commitId);
      if (!ref) return configurationError(`${CLONE_REF_FORMAT} needs a git URL builds can clone, and nagare has none for this source`);
      const file = join(run.tmpDir, 'clone-ref.json');
      await writeFile(file, cloneRefDocument(ref), { mode: 0o600 });
      artifact = { ...out, ...(await uploadArtifact(run.deps, out.bucket, out.key, file, meta, 'application/json')), revision: head.commitId, cloneRef: ref };
    } else {
      const zip = join(run.tmpDir, 'source.zip');
      await origin.archive(head.commitId, zip);
      artifact = { ...out, ...(await uploadArtifact(run.deps, out.bucket, out.key, zip, meta)), revision: head.commitId };
    }
    const url = revisionUrl?.(head.commitId);
    return {
      kind: 'succeeded',
      summary: message.slice(0, 2048),
      externalExecutionId: head.commitId,
      outputArtifacts: [artifact],
      revision: { revisionId: head.commitId, revisionSummary: message.slice(0, 2048), created: head.committerDate, ...(url ? { revisionUrl: url } : {}) },
      outputVariables: variables(head, message.slice(0, 100 * 1024)),
    };
  } catch (err) {
    if (isAppError(err) && err.fault === 'user') return jobFailed(`${err.code}: ${err.message}`);
    return jobFailed(errorMessage(err));
  }
}

/**
 * What the clone-reference artifact object holds (nagare's own format: AWS does not document its
 * own). Never credentials: hosted clones authenticate with the build's key, remote URLs come from
 * the server's configuration and stay there.
 */
export function cloneRefDocument(ref: CloneRef): string {
  const url = new URL(ref.url, 'file:///');
  const shown = url.protocol === 'file:' ? ref.url : `${url.protocol}//${url.host}${url.pathname}`;
  return JSON.stringify({ format: CLONE_REF_FORMAT, repositoryUrl: shown, branch: ref.branch, commitId: ref.commitId }, null, 2) + '\n';
}

const firstLine = (s: string): string => s.split('\n')[0] ?? '';
