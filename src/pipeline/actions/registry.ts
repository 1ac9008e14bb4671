/**
 * Which action types nagare runs, and with what (spec C.7). The declaration registry
 * (declaration/action-types.ts) knows every type AWS accepts; a type accepted there but missing here
 * (ECS, CodeDeployToECS, ECR source until those services exist) fails when it starts, with a message
 * that says so — never a fake success.
 */
import type { ActionTypeId } from '../declaration/index.js';
import { runManualApproval } from './approval-manual.js';
import { runCodeBuild } from './build-codebuild.js';
import { runS3Deploy } from './deploy-s3.js';
import { runCodeCommitSource } from './source-codecommit.js';
import { runS3Source } from './source-s3.js';
import { runConnectionSource, runGitHubV1Source } from './source-connection.js';
import { configurationError, type ActionOutcome, type ActionRun } from './types.js';

type Runner = (run: ActionRun, timeoutInMinutes: number | undefined) => Promise<ActionOutcome> | ActionOutcome;

const RUNNERS: Record<string, Runner> = {
  'Source/AWS/CodeCommit/1': runCodeCommitSource,
  'Source/AWS/S3/1': runS3Source,
  'Source/AWS/CodeStarSourceConnection/1': runConnectionSource,
  'Source/ThirdParty/GitHub/1': runGitHubV1Source,
  'Build/AWS/CodeBuild/1': runCodeBuild,
  'Test/AWS/CodeBuild/1': runCodeBuild,
  'Deploy/AWS/S3/1': runS3Deploy,
  'Approval/AWS/Manual/1': runManualApproval,
};

export const runnerKey = (id: ActionTypeId): string => `${id.category}/${id.owner}/${id.provider}/${id.version}`;

export function isRunnable(id: ActionTypeId): boolean {
  return runnerKey(id) in RUNNERS;
}

export async function runAction(run: ActionRun, timeoutInMinutes: number | undefined): Promise<ActionOutcome> {
  const runner = RUNNERS[runnerKey(run.actionTypeId)];
  if (!runner) {
    const t = run.actionTypeId;
    return configurationError(`nagare does not run ${t.category} actions of provider ${t.provider} (owner ${t.owner}, version ${t.version}) yet; see docs/compatibility.md`);
  }
  const ref = run.inputArtifacts.find((a) => a.cloneRef !== undefined);
  if (ref && run.actionTypeId.provider !== 'CodeBuild') {
    return configurationError(
      `Input artifact ${ref.name} is a CODEBUILD_CLONE_REF reference, which only CodeBuild actions can use: set OutputArtifactFormat to CODE_ZIP on the source action that produces it`,
    );
  }
  return runner(run, timeoutInMinutes);
}
