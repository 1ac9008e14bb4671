/**
 * UpdatePipeline stored a new version (spec C.8 "Update while running", Surprise 22): every active
 * execution ends Cancelled, then the state takes the new shape. Stages are matched by name: they
 * keep their transition and `latest` record (a retry is then refused, its version being older).
 */
import { decided, draftOf, type Draft } from './draft.js';
import { endNow } from './execution-end.js';
import { freshStage } from './initial-state.js';
import type { Decision, PipelineRuntimeState, PipelineShape, StageRuntime } from './types.js';

export function pipelineUpdated(state: PipelineRuntimeState, shape: PipelineShape): Decision {
  const draft = draftOf(state);
  for (const execution of [...draft.state.executions]) endNow(draft, execution, 'Cancelled', 'Cancelled');
  const stages = shape.stages.map((stage, i) => carriedOver(draft, stage.name, i));
  const next: PipelineRuntimeState = { shape: structuredClone(shape), tick: draft.state.tick, stages, executions: [] };
  return decided({ state: next, commands: draft.commands });
}

function carriedOver(draft: Draft, name: string, index: number): StageRuntime {
  const before = draft.state.stages.find((s) => s.name === name);
  const fresh = freshStage(name, index);
  if (!before) return fresh;
  // A stage that became first loses its inbound transition; one that stopped being first gains one.
  const inbound = index === 0 ? undefined : (before.inbound ?? fresh.inbound);
  return { name, ...(inbound ? { inbound } : {}), ...(before.latest ? { latest: before.latest } : {}) };
}
