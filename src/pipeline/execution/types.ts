/**
 * Types of the per-pipeline execution machine. Everything here is JSON-safe (strings, numbers,
 * booleans, arrays, plain objects — no Date, no Map): the engine stores the state in the pipeline
 * row's `runtime` jsonb and may carry events and commands in job rows. Names of stages and actions
 * are never used as object keys (`__proto__` is a valid AWS name), hence the arrays.
 */
import type {
  ActionExecutionStatus,
  ActiveExecutionStatus,
  ExecutionMode,
  PipelineType,
  StageExecutionStatus,
  StageRetryMode,
  TerminalExecutionStatus,
  TerminalStageStatus,
} from './status.js';

/** What the machine needs of the declaration (see shapeOf). */
export interface PipelineShape {
  /** The declaration version the state was built for; a retry across versions is refused. */
  version: number;
  pipelineType: PipelineType;
  executionMode: ExecutionMode;
  stages: StageShape[];
}
export interface StageShape {
  name: string;
  actions: ActionShape[];
}
export interface ActionShape {
  name: string;
  runOrder: number;
}

/** One action of the stage an execution is in. `status` absent = not started in this run of the stage. */
export interface ActionRun {
  name: string;
  runOrder: number;
  status?: ActionExecutionStatus;
  /** How many times this action was started in this execution (0 = never); results quote it. */
  attempt: number;
}

/** An execution that is not finished yet. Terminal executions leave the state (the engine keeps history). */
export interface ExecutionRun {
  id: string;
  /** Arrival order at the pipeline (from PipelineRuntimeState.tick). */
  seq: number;
  status: ActiveExecutionStatus;
  /** The stage it is in (`inside`) or waiting in front of (inbound execution). */
  stage: string;
  inside: boolean;
  /** Tick of arrival in front of `stage`: orders admission (QUEUED) and superseding (SUPERSEDED). */
  arrivedAt: number;
  /** The actions of `stage` while inside; empty while waiting. */
  actions: ActionRun[];
  /**
   * RollbackStage: the execution runs only this stage and finishes after it. Added with
   * START_EXECUTION.onlyStage; a plain string so the state stays JSON-safe.
   */
  onlyStage?: string;
  /**
   * Reason of a stop-and-wait, kept until the execution really ends Stopped so the final
   * EXECUTION_FINISHED can carry it (stopTrigger.reason).
   */
  stopReason?: string;
}

/** StageState.inboundTransitionState (spec C.8 Transitions); absent on the first stage. */
export interface TransitionState {
  enabled: boolean;
  disabledReason?: string;
  lastChangedBy?: string;
  /** ISO-8601. */
  lastChangedAt?: string;
}

/**
 * The latest execution that entered a stage (GetPipelineState `latestExecution`). It outlives the
 * execution, which is what makes RetryStageExecution of a finished (Failed/Stopped) execution possible.
 */
export interface StageRecord {
  executionId: string;
  seq: number;
  status: StageExecutionStatus;
  pipelineVersion: number;
  /** Final action statuses, written when the stage ends; [] while it runs (the execution holds them). */
  actions: ActionRun[];
  manualRetries: number;
  /**
   * The execution ran only this stage (RollbackStage). Kept here because a retry recreates the
   * execution from this record after it left the state, and must end it after this stage again.
   */
  onlyStage?: boolean;
}

export interface StageRuntime {
  name: string;
  inbound?: TransitionState;
  latest?: StageRecord;
}

export interface PipelineRuntimeState {
  shape: PipelineShape;
  /** Logical clock: bumped at every arrival (execution start or arrival in front of a stage). */
  tick: number;
  /** Same order and names as shape.stages. */
  stages: StageRuntime[];
  /** Active executions (InProgress or Stopping), in seq order. */
  executions: ExecutionRun[];
}

export interface ActionError {
  code: string;
  message: string;
}

/** Names one start of one action: results quote the attempt so a late or duplicate one is recognised. */
export interface ActionRef {
  executionId: string;
  stage: string;
  action: string;
  attempt: number;
}

export type PipelineEvent =
  /**
   * The engine inserted the execution row; the execution arrives in front of the first stage —
   * or, for RollbackStage, in front of `onlyStage`, runs only that stage and finishes after it.
   */
  | { type: 'START_EXECUTION'; executionId: string; onlyStage?: string }
  | ({ type: 'ACTION_SUCCEEDED' } & ActionRef)
  | ({ type: 'ACTION_FAILED'; error: ActionError } & ActionRef)
  /** The action's due time passed (engine timer row); a timed-out action is Failed (spec C.8). */
  | ({ type: 'ACTION_TIMED_OUT'; error?: ActionError } & ActionRef)
  | { type: 'STOP'; executionId: string; abandon: boolean; reason?: string }
  | { type: 'RETRY_STAGE'; executionId: string; stage: string; mode: StageRetryMode }
  | { type: 'DISABLE_TRANSITION'; stage: string; reason: string; by?: string; at: string }
  | { type: 'ENABLE_TRANSITION'; stage: string; by?: string; at: string }
  /** UpdatePipeline stored a new version: every active execution is Cancelled (spec C.8). */
  | { type: 'PIPELINE_UPDATED'; shape: PipelineShape };

export type PipelineCommand =
  /** An execution entered a stage (or re-entered it through a retry). History only. */
  | { type: 'STAGE_STARTED'; executionId: string; stage: string; retryMode?: StageRetryMode }
  /** Insert the action-execution row (InProgress) and enqueue the provider job. */
  | ({ type: 'START_ACTION' } & ActionRef)
  /** Write the action-execution row's final status. Stale or duplicate results never produce one. */
  | ({ type: 'ACTION_FINISHED'; status: 'Succeeded' | 'Failed' | 'Abandoned'; error?: ActionError } & ActionRef)
  /** Best effort: stop the provider's work (abandoned or timed out); its late result is ignored. */
  | ({ type: 'CANCEL_ACTION' } & ActionRef)
  | { type: 'STAGE_FINISHED'; executionId: string; stage: string; status: TerminalStageStatus }
  /** The execution row's status changes but it is not over (Stopping; InProgress again after a retry). */
  | { type: 'EXECUTION_UPDATED'; executionId: string; status: ActiveExecutionStatus; stopReason?: string }
  | { type: 'EXECUTION_FINISHED'; executionId: string; status: TerminalExecutionStatus; stopReason?: string };

/** AWS exception names the API maps a refused request to (spec D.3, D.6). */
export type RejectionCode =
  | 'StageNotFoundException'
  | 'StageNotRetryableException'
  | 'NotLatestPipelineExecutionException'
  | 'ConflictException'
  | 'DuplicatedStopRequestException'
  | 'PipelineExecutionNotStoppableException'
  | 'ValidationException';

export interface Rejection {
  code: RejectionCode;
  message: string;
}

/** When `rejection` is set, `next` is the input state and `commands` is empty. */
export interface Decision {
  next: PipelineRuntimeState;
  commands: PipelineCommand[];
  rejection?: Rejection;
}

export type { StageExecutionStatus, TerminalStageStatus };
