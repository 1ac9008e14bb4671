/**
 * Builders for tests: a small valid V1 pipeline (CodeCommit → CodeBuild → S3 deploy) and helpers
 * to change one thing at a time. Test-only; not exported from index.ts.
 */
import type { ActionDeclaration, ActionTypeId, PipelineDeclaration, StageDeclaration } from './types.js';

export const REGION = 'us-east-1';

export const typeId = (category: ActionTypeId['category'], provider: string, owner: ActionTypeId['owner'] = 'AWS'): ActionTypeId =>
  ({ category, owner, provider, version: '1' });

export function sourceAction(name = 'Source', output = 'SourceOutput'): ActionDeclaration {
  return {
    name,
    actionTypeId: typeId('Source', 'CodeCommit'),
    configuration: { RepositoryName: 'repo', BranchName: 'main' },
    outputArtifacts: [{ name: output }],
  };
}

export function buildAction(name = 'Build', input = 'SourceOutput', output = 'BuildOutput'): ActionDeclaration {
  return {
    name,
    actionTypeId: typeId('Build', 'CodeBuild'),
    configuration: { ProjectName: 'proj' },
    inputArtifacts: [{ name: input }],
    outputArtifacts: [{ name: output }],
  };
}

export function deployAction(name = 'Deploy', input = 'BuildOutput'): ActionDeclaration {
  return {
    name,
    actionTypeId: typeId('Deploy', 'S3'),
    configuration: { BucketName: 'site', Extract: 'true' },
    inputArtifacts: [{ name: input }],
  };
}

export const approvalAction = (name = 'Approve'): ActionDeclaration => ({ name, actionTypeId: typeId('Approval', 'Manual') });

export const stage = (name: string, ...actions: ActionDeclaration[]): StageDeclaration => ({ name, actions });

export function basePipeline(): PipelineDeclaration {
  return {
    name: 'demo',
    roleArn: 'arn:aws:iam::000000000000:role/pipeline',
    artifactStore: { type: 'S3', location: 'artifacts' },
    stages: [stage('Source', sourceAction()), stage('Build', buildAction()), stage('Deploy', deployAction())],
  };
}

/** A deep copy of the base pipeline, changed by `f`. */
export function changed(f: (p: PipelineDeclaration) => void): PipelineDeclaration {
  const p = structuredClone(basePipeline());
  f(p);
  return p;
}

/** The action at stage index `s`, action index `a` (throws when absent, so tests fail loudly). */
export function actionAt(p: PipelineDeclaration, s: number, a = 0): ActionDeclaration {
  const action = p.stages[s]?.actions[a];
  if (action === undefined) throw new Error(`no action ${s}/${a}`);
  return action;
}
