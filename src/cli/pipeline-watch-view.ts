/**
 * What the followed execution looks like, stage by stage, from GetPipelineState answers.
 *
 * GetPipelineState shows each stage's *latest* execution, which may be another one than the
 * followed execution (an older one still running there, or a newer one that overtook ours). So the
 * watch keeps a small memory across polls (pure: `observe` returns a new one):
 *  - the last snapshot of every stage while it ran the followed execution, shown again once another
 *    execution takes the stage over;
 *  - action execution ids seen while their stage ran another execution: in our stage run such an
 *    action has not run yet (it still shows the previous run's result). Actions whose last change
 *    is older than the followed execution's start are treated the same way;
 *  - when each action was first seen InProgress, for durations.
 * Known limit: an action that finished for another execution *between two polls*, just before ours
 * entered the stage, can show the other execution's result until ours runs it.
 */
import type { ActionExecution, ExecutionRef, StageState } from './pipeline-types.js';
import { actionsOf, inboundOf, toMs } from './pipeline-types.js';

export interface FollowMemory {
  executionId: string;
  /** Epoch ms the followed execution started (ListPipelineExecutions), if known. */
  startMs?: number;
  stages: Record<string, StageState>;
  foreignActionIds: string[];
  /** actionExecutionId → epoch ms it went InProgress. */
  startedMs: Record<string, number>;
}

export function emptyMemory(executionId: string, startMs?: number): FollowMemory {
  return { executionId, ...(startMs !== undefined ? { startMs } : {}), stages: {}, foreignActionIds: [], startedMs: {} };
}

/** Folds one GetPipelineState answer (taken at `nowMs`) into the memory. */
export function observe(memory: FollowMemory, stages: readonly StageState[], nowMs: number): FollowMemory {
  const next: FollowMemory = { ...memory, stages: { ...memory.stages }, foreignActionIds: [...memory.foreignActionIds], startedMs: { ...memory.startedMs } };
  for (const stage of stages) {
    if (stage.latestExecution?.pipelineExecutionId !== memory.executionId) {
      const ours = new Set(actionsOf(memory.stages[stage.stageName] ?? { stageName: '', actionStates: [] }).map((a) => a.latestExecution?.actionExecutionId));
      for (const a of actionsOf(stage)) {
        const id = a.latestExecution?.actionExecutionId;
        if (id !== undefined && !ours.has(id) && !next.foreignActionIds.includes(id)) next.foreignActionIds.push(id);
      }
      continue;
    }
    const actionStates = actionsOf(stage).map((a) => (a.latestExecution && isOurs(a.latestExecution, next) ? a : { ...a, latestExecution: undefined }));
    next.stages[stage.stageName] = { ...stage, actionStates };
    for (const a of actionStates) {
      const e = a.latestExecution;
      if (e?.status === 'InProgress' && e.actionExecutionId !== undefined && next.startedMs[e.actionExecutionId] === undefined) {
        next.startedMs[e.actionExecutionId] = toMs(e.lastStatusChange) ?? nowMs;
      }
    }
  }
  return next;
}

function isOurs(e: ActionExecution, memory: FollowMemory): boolean {
  if (e.actionExecutionId !== undefined && memory.foreignActionIds.includes(e.actionExecutionId)) return false;
  const changed = toMs(e.lastStatusChange);
  return !(memory.startMs !== undefined && changed !== undefined && changed < memory.startMs);
}

/**
 * A stage as the followed execution sees it: its StageExecutionStatus, or `Waiting` (queued at the
 * stage's inbound transition) or `NotReached` (neither names an AWS status).
 */
export type StageStatus = string;

export interface ActionView {
  name: string;
  /** ActionExecutionStatus of the followed execution's run; undefined: not run (yet). */
  status?: string;
  approvalToken?: string;
  summary?: string;
  error?: string;
  externalId?: string;
  externalUrl?: string;
  percent?: number;
  /** Epoch ms of the start and (when finished) the end, when known. */
  startMs?: number;
  endMs?: number;
}

export interface InboundView {
  executionId: string;
  status?: string;
  ours: boolean;
}

export interface StageView {
  name: string;
  status: StageStatus;
  actions: ActionView[];
  inbound: InboundView[];
  transitionDisabled?: { reason?: string };
}

export function stageViews(stages: readonly StageState[], memory: FollowMemory): StageView[] {
  return stages.map((stage) => {
    const inbound = inboundOf(stage).map((r: ExecutionRef) => ({ executionId: r.pipelineExecutionId ?? '?', ...(r.status ? { status: r.status } : {}), ours: r.pipelineExecutionId === memory.executionId }));
    const disabled = stage.inboundTransitionState?.enabled === false ? { transitionDisabled: stage.inboundTransitionState.disabledReason ? { reason: stage.inboundTransitionState.disabledReason } : {} } : {};
    const snapshot = memory.stages[stage.stageName];
    const runningOurs = stage.latestExecution?.pipelineExecutionId === memory.executionId;
    const waiting = inbound.some((i) => i.ours);
    const source = runningOurs || (!waiting && snapshot) ? snapshot : undefined;
    const status: StageStatus = source?.latestExecution?.status ?? (waiting ? 'Waiting' : 'NotReached');
    const names = actionsOf(stage).map((a) => a.actionName);
    const actions = names.map((name) => actionView(name, source ? actionsOf(source).find((a) => a.actionName === name)?.latestExecution : undefined, memory));
    return { name: stage.stageName, status, actions, inbound, ...disabled };
  });
}

function actionView(name: string, e: ActionExecution | undefined, memory: FollowMemory): ActionView {
  if (!e?.status) return { name };
  const startMs = e.actionExecutionId !== undefined ? memory.startedMs[e.actionExecutionId] : undefined;
  const changed = toMs(e.lastStatusChange);
  return {
    name,
    status: e.status,
    ...(e.status === 'InProgress' && e.token ? { approvalToken: e.token } : {}),
    ...(e.summary ? { summary: e.summary } : {}),
    ...(e.errorDetails?.message || e.errorDetails?.code ? { error: [e.errorDetails.code, e.errorDetails.message].filter(Boolean).join(': ') } : {}),
    ...(e.externalExecutionId ? { externalId: e.externalExecutionId } : {}),
    ...(e.externalExecutionUrl ? { externalUrl: e.externalExecutionUrl } : {}),
    ...(typeof e.percentComplete === 'number' ? { percent: e.percentComplete } : {}),
    ...(startMs !== undefined ? { startMs } : e.status === 'InProgress' && changed !== undefined ? { startMs: changed } : {}),
    ...(e.status !== 'InProgress' && changed !== undefined ? { endMs: changed } : {}),
  };
}
