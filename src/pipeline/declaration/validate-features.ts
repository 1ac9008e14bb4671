/**
 * Spec C.2 rule 10 and C.6: V2-only features, stage conditions, pipeline variables and triggers.
 * A declaration without `pipelineType` is V1 (see defaults.ts): V2 features are rejected, not
 * silently upgraded — that is what CreatePipeline did in the observed probes.
 */
import type { ActionPosition } from './positions.js';
import type { PipelineDeclaration, StageDeclaration } from './types.js';
import { type PipelineViolation, violation } from './violation.js';

const hasConditions = (stage: StageDeclaration): boolean =>
  stage.onFailure !== undefined || stage.onSuccess !== undefined || stage.beforeEntry !== undefined;

export function* featureViolations(pipeline: PipelineDeclaration): Generator<PipelineViolation> {
  const v2 = pipeline.pipelineType === 'V2';
  if (!v2) {
    if ((pipeline.variables ?? []).length > 0) {
      yield violation('InvalidStructureException', 'v2-variables', 'Pipeline variable can only be used with V2 pipelines');
    }
    if ((pipeline.triggers ?? []).length > 0) {
      // Sic: AWS says "on tag" even for a branch-only push trigger.
      yield violation('InvalidStructureException', 'v2-triggers', 'Triggers on tag can only be used with V2 pipelines');
    }
    if (pipeline.executionMode === 'QUEUED' || pipeline.executionMode === 'PARALLEL') {
      yield violation('InvalidStructureException', 'v2-execution-mode', 'QUEUED or PARALLEL mode can only be used with V2 pipelines');
    }
    if (pipeline.stages.some(hasConditions)) {
      yield violation('InvalidStageDeclarationException', 'v2-stage-conditions', 'Stage level conditions can only be used with V2 pipelines.');
    }
  }
  for (const stage of pipeline.stages) {
    const onFailure = stage.onFailure;
    if (onFailure?.result !== undefined && onFailure.conditions !== undefined) {
      yield violation('InvalidStageDeclarationException', 'on-failure-result-xor-conditions',
        `The following stage cannot have a failure exit gate configured with both top level result and conditions: '${stage.name}'`);
    }
    const rollback = onFailure?.result === 'ROLLBACK' || (onFailure?.conditions ?? []).some((c) => c.result === 'ROLLBACK');
    if (rollback && pipeline.executionMode === 'PARALLEL') {
      yield violation('InvalidStageDeclarationException', 'parallel-no-rollback',
        'Failure conditions with rollback result type cannot be added to a PARALLEL pipeline.');
    }
  }
  const seen = new Set<string>();
  for (const variable of pipeline.variables ?? []) {
    if (seen.has(variable.name)) {
      yield violation('InvalidStructureException', 'variable-name-unique',
        `Variable names must be unique. The following variable name is already in use: ${variable.name}`);
    }
    seen.add(variable.name);
  }
}

export function* triggerViolations(pipeline: PipelineDeclaration, positions: ActionPosition[]): Generator<PipelineViolation> {
  const connectionSources = new Set(
    positions
      .filter((p) => p.action.actionTypeId.category === 'Source' && p.action.actionTypeId.provider === 'CodeStarSourceConnection')
      .map((p) => p.action.name),
  );
  const used = new Set<string>();
  for (const trigger of pipeline.triggers ?? []) {
    const git = trigger.gitConfiguration;
    if (!connectionSources.has(git.sourceActionName)) {
      yield violation('InvalidStructureException', 'trigger-source-action', 'Triggers for connections must reference a CodeStarSourceConnection action.');
    }
    if (used.has(git.sourceActionName)) {
      yield violation('InvalidStructureException', 'trigger-one-per-source',
        `Source action '${git.sourceActionName}' has more than one trigger. Only one trigger can be configured for each source action`);
    }
    used.add(git.sourceActionName);
    if ((git.push ?? []).length === 0 && (git.pullRequest ?? []).length === 0) {
      yield violation('InvalidStructureException', 'trigger-filter-required',
        `The trigger for source action '${git.sourceActionName}' must specify at least one push or pullRequest filter`);
    }
  }
}
