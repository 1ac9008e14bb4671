/**
 * Where each action sits in the run order, and the one ordering rule that artifacts and variable
 * namespaces share: A runs before B when A is in an earlier stage, or in the same stage with a
 * strictly lower runOrder. Actions with equal runOrder run in parallel and see nothing of each other.
 */
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from './types.js';

export interface ActionPosition {
  stage: StageDeclaration;
  action: ActionDeclaration;
  stageIndex: number;
  actionIndex: number;
  /** runOrder with the service default (1) applied. */
  runOrder: number;
}

/** Every action in declaration order (stage by stage, then as listed). */
export function actionPositions(pipeline: PipelineDeclaration): ActionPosition[] {
  return pipeline.stages.flatMap((stage, stageIndex) =>
    (stage.actions ?? []).map((action, actionIndex) => ({ stage, action, stageIndex, actionIndex, runOrder: action.runOrder ?? 1 })),
  );
}

export function runsBefore(a: ActionPosition, b: ActionPosition): boolean {
  return a.stageIndex < b.stageIndex || (a.stageIndex === b.stageIndex && a.runOrder < b.runOrder);
}

/** `'Name'` in stage `'Stage'`, for messages. */
export function where(p: ActionPosition): string {
  return `action '${p.action.name}' in stage '${p.stage.name}'`;
}
