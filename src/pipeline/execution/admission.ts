/**
 * Admission between stages (spec C.5). Runs after every accepted event until nothing changes:
 * entering a stage can finish it at once (a stage with no actions), which frees the stage for the
 * next waiter and brings the execution in front of the next stage.
 */
import { type Draft } from './draft.js';
import { finishExecution } from './execution-end.js';
import { inboundExecutions } from './inbound.js';
import { effectiveMode } from './shape.js';
import { enterStage } from './stage-progress.js';
import { locksStages, supersedes } from './status.js';

export function admit(draft: Draft): void {
  // Bounded: each pass that changes something moves an execution into a stage or ends one.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < draft.state.stages.length; i++) if (admitStage(draft, i)) changed = true;
  }
}

/** Returns whether anything changed in front of (or inside) stage `index`. */
function admitStage(draft: Draft, index: number): boolean {
  const { state } = draft;
  const stage = state.stages[index];
  if (!stage) return false;
  let waiting = inboundExecutions(state, stage.name);
  if (waiting.length === 0) return false;
  const mode = effectiveMode(state.shape);
  let changed = false;
  // Only one execution waits per stage; the latest arrival wins, even while the transition holds it.
  if (supersedes(mode) && waiting.length > 1) {
    for (const older of waiting.slice(0, -1)) finishExecution(draft, older, 'Superseded');
    waiting = waiting.slice(-1);
    changed = true;
  }
  if (stage.inbound && !stage.inbound.enabled) return changed;
  if (locksStages(mode)) {
    // The lock holds while the execution inside is Stopping, until it really ends.
    const first = waiting[0];
    if (!first || state.executions.some((e) => e.stage === stage.name && e.inside)) return changed;
    enterStage(draft, first);
    return true;
  }
  for (const execution of waiting) enterStage(draft, execution);
  return true;
}
