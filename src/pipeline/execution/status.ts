/**
 * Status vocabulary and predicates of the pipeline execution machine (DESIGN.md §3: one file per
 * machine). Names are AWS's CamelCase strings (spec C.9, Surprise 19).
 */

export type PipelineExecutionStatus = 'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';
export type StageExecutionStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped';
export type ActionExecutionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';
export type ExecutionMode = 'SUPERSEDED' | 'QUEUED' | 'PARALLEL';
export type PipelineType = 'V1' | 'V2';
export type StageRetryMode = 'FAILED_ACTIONS' | 'ALL_ACTIONS';

/** The only statuses an execution held in the runtime state can have. */
export type ActiveExecutionStatus = 'InProgress' | 'Stopping';
export type TerminalExecutionStatus = Exclude<PipelineExecutionStatus, ActiveExecutionStatus>;
export type TerminalStageStatus = Exclude<StageExecutionStatus, 'InProgress' | 'Stopping'>;
export type TerminalActionStatus = Exclude<ActionExecutionStatus, 'InProgress'>;

export function isTerminalExecution(status: PipelineExecutionStatus): status is TerminalExecutionStatus {
  return status !== 'InProgress' && status !== 'Stopping';
}

export function isTerminalStage(status: StageExecutionStatus): status is TerminalStageStatus {
  return status !== 'InProgress' && status !== 'Stopping';
}

export function isTerminalAction(status: ActionExecutionStatus): status is TerminalActionStatus {
  return status !== 'InProgress';
}

/** SUPERSEDED and QUEUED lock a stage to one execution at a time; PARALLEL does not (spec C.5). */
export function locksStages(mode: ExecutionMode): boolean {
  return mode !== 'PARALLEL';
}

/** Only SUPERSEDED replaces the execution waiting in front of a stage (spec C.5 rule 3). */
export function supersedes(mode: ExecutionMode): boolean {
  return mode === 'SUPERSEDED';
}

/** Stop is accepted only for a running execution (spec C.8 Stop). */
export function canStop(status: PipelineExecutionStatus): boolean {
  return !isTerminalExecution(status);
}

/**
 * A stage can be retried after it failed, or after its execution was stopped (the console's Retry
 * button on a stopped stage, spec C.8 Stop). Cancelled (pipeline updated) and Superseded never can.
 */
export function canRetryStage(status: StageExecutionStatus): boolean {
  return status === 'Failed' || status === 'Stopped';
}

/**
 * Whether an action must run (again) when its stage is retried with FAILED_ACTIONS: everything
 * that did not succeed — failed, abandoned, or never started because an earlier group failed.
 */
export function needsRerun(status: ActionExecutionStatus | undefined): boolean {
  return status !== 'Succeeded';
}
