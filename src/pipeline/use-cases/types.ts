/**
 * Inputs and results of the pipeline use cases (the API's write side). Member names follow
 * CodePipeline's wire shapes so services/codepipeline passes them through unchanged.
 */
import type { PipelineDeclaration } from '../declaration/index.js';
import type { SourceOverride } from '../actions/types.js';
import type { Tag } from '../pipelines/pipeline-repo.js';
import type { ExecutionTrigger } from '../executions/execution-repo.js';

export type { Tag, ExecutionTrigger, SourceOverride };

export interface CreatePipelineInput {
  pipeline: PipelineDeclaration;
  tags?: Tag[];
}

export interface StartExecutionInput {
  name: string;
  variables?: { name: string; value: string }[];
  sourceRevisions?: SourceOverride[];
  clientRequestToken?: string;
  /** Defaults to {triggerType: 'StartPipelineExecution', triggerDetail: <caller ARN>}. */
  trigger?: ExecutionTrigger;
}

export interface StopExecutionInput {
  pipelineName: string;
  pipelineExecutionId: string;
  abandon?: boolean;
  reason?: string;
}

export interface RetryStageInput {
  pipelineName: string;
  stageName: string;
  pipelineExecutionId: string;
  retryMode: 'FAILED_ACTIONS' | 'ALL_ACTIONS';
}

export interface RollbackStageInput {
  pipelineName: string;
  stageName: string;
  targetPipelineExecutionId: string;
}

export interface PutApprovalResultInput {
  pipelineName: string;
  stageName: string;
  actionName: string;
  result: { summary: string; status: 'Approved' | 'Rejected' };
  token: string;
  /** Who answered (ARN of the caller); shown as lastUpdatedBy. */
  by?: string;
}

export interface StageTransitionInput {
  pipelineName: string;
  stageName: string;
  transitionType: 'Inbound' | 'Outbound';
  enabled: boolean;
  /** Required when disabling. */
  reason?: string;
  by?: string;
}
