/**
 * The parts of CodePipeline's wire shapes (spec D.3) that `nagare pipeline watch` reads:
 * GetPipelineState, GetPipelineExecution and ListPipelineExecutions answers. Timestamps are epoch
 * seconds on the wire (JSON 1.1); `toMs` also takes ISO strings, for canned fixtures. Status
 * strings are kept as strings: an unknown status from a newer server is shown, never rejected.
 */

export interface ExecutionRef {
  pipelineExecutionId?: string;
  status?: string;
  type?: string;
}

export interface ActionExecution {
  actionExecutionId?: string;
  status?: string;
  summary?: string;
  lastStatusChange?: number | string;
  /** Only on a pending manual approval: what PutApprovalResult must quote. */
  token?: string;
  lastUpdatedBy?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  percentComplete?: number;
  errorDetails?: { code?: string; message?: string };
}

export interface ActionState {
  actionName: string;
  latestExecution?: ActionExecution;
  entityUrl?: string;
  revisionUrl?: string;
}

export interface StageState {
  stageName: string;
  inboundExecution?: ExecutionRef;
  inboundExecutions?: ExecutionRef[];
  inboundTransitionState?: { enabled?: boolean; disabledReason?: string; lastChangedBy?: string };
  actionStates: ActionState[];
  latestExecution?: ExecutionRef;
}

export interface PipelineState {
  pipelineName?: string;
  pipelineVersion?: number;
  stageStates: StageState[];
}

export interface PipelineExecution {
  pipelineName?: string;
  pipelineExecutionId: string;
  status: string;
  statusSummary?: string;
  executionMode?: string;
}

export interface ExecutionSummary {
  pipelineExecutionId: string;
  status: string;
  statusSummary?: string;
  startTime?: number | string;
  lastUpdateTime?: number | string;
  stopTrigger?: { reason?: string };
}

/** Epoch milliseconds of a wire timestamp (epoch seconds, or an ISO string), if there is one. */
export function toMs(value: number | string | undefined): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** The action states of a stage (the wire may omit the list). */
export function actionsOf(stage: StageState): ActionState[] {
  return Array.isArray(stage.actionStates) ? stage.actionStates : [];
}

/** Executions waiting to enter a stage: `inboundExecutions` (QUEUED/PARALLEL) or the single `inboundExecution`. */
export function inboundOf(stage: StageState): ExecutionRef[] {
  if (Array.isArray(stage.inboundExecutions) && stage.inboundExecutions.length > 0) return stage.inboundExecutions;
  return stage.inboundExecution ? [stage.inboundExecution] : [];
}
