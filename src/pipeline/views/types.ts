/**
 * The read side's answers in CodePipeline's wire shapes (CodePipeline_20150709, botocore 1.43
 * model): member names and optionality as in src/aws/models/generated/codepipeline.ts, so
 * services/codepipeline returns them unchanged. The pipeline module may not import aws/, hence the
 * copy. Timestamps are Dates; the gateway encodes them as epoch seconds.
 */
import type { ActionTypeId, PipelineDeclaration } from '../declaration/index.js';

export interface PipelineMetadataView {
  pipelineArn: string;
  created: Date;
  updated: Date;
}

export interface GetPipelineView {
  pipeline: PipelineDeclaration;
  metadata: PipelineMetadataView;
}

export interface PipelineSummaryView {
  name: string;
  version: number;
  pipelineType: string;
  executionMode: string;
  created: Date;
  updated: Date;
}

export interface StageExecutionView {
  pipelineExecutionId: string;
  status: string;
  type?: string;
}

export interface TransitionStateView {
  enabled: boolean;
  lastChangedBy?: string;
  lastChangedAt?: Date;
  disabledReason?: string;
}

export interface ErrorDetailsView {
  code?: string;
  message?: string;
}

export interface ActionExecutionView {
  actionExecutionId?: string;
  status?: string;
  summary?: string;
  lastStatusChange?: Date;
  token?: string;
  lastUpdatedBy?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: ErrorDetailsView;
}

export interface ActionRevisionView {
  revisionId: string;
  revisionChangeId: string;
  created: Date;
}

export interface ActionStateView {
  actionName: string;
  currentRevision?: ActionRevisionView;
  latestExecution?: ActionExecutionView;
  revisionUrl?: string;
}

export interface RetryStageMetadataView {
  manualStageRetryAttempt?: number;
  latestRetryTrigger?: string;
}

export interface StageStateView {
  stageName: string;
  inboundExecution?: StageExecutionView;
  inboundExecutions?: StageExecutionView[];
  inboundTransitionState?: TransitionStateView;
  actionStates: ActionStateView[];
  latestExecution?: StageExecutionView;
  retryStageMetadata?: RetryStageMetadataView;
}

export interface PipelineStateView {
  pipelineName: string;
  pipelineVersion: number;
  stageStates: StageStateView[];
  created: Date;
  updated: Date;
}

export interface ExecutionTriggerView {
  triggerType?: string;
  triggerDetail?: string;
}

export interface ArtifactRevisionView {
  name?: string;
  revisionId?: string;
  revisionChangeIdentifier?: string;
  revisionSummary?: string;
  created?: Date;
  revisionUrl?: string;
}

export interface PipelineExecutionView {
  pipelineName: string;
  pipelineVersion: number;
  pipelineExecutionId: string;
  status: string;
  statusSummary?: string;
  artifactRevisions: ArtifactRevisionView[];
  variables: { name: string; resolvedValue: string }[];
  trigger: ExecutionTriggerView;
  executionMode: string;
  executionType: string;
  rollbackMetadata?: { rollbackTargetPipelineExecutionId?: string };
}

export interface SourceRevisionView {
  actionName: string;
  revisionId?: string;
  revisionSummary?: string;
  revisionUrl?: string;
}

export interface PipelineExecutionSummaryView {
  pipelineExecutionId: string;
  status: string;
  statusSummary?: string;
  startTime: Date;
  lastUpdateTime: Date;
  sourceRevisions: SourceRevisionView[];
  trigger: ExecutionTriggerView;
  stopTrigger?: { reason?: string };
  executionMode: string;
  executionType: string;
  rollbackMetadata?: { rollbackTargetPipelineExecutionId?: string };
}

export interface ArtifactDetailView {
  name: string;
  s3location: { bucket: string; key: string };
}

export interface ActionExecutionDetailView {
  pipelineExecutionId: string;
  actionExecutionId: string;
  pipelineVersion: number;
  stageName: string;
  actionName: string;
  startTime: Date;
  lastUpdateTime: Date;
  updatedBy?: string;
  status: string;
  input: {
    actionTypeId: ActionTypeId;
    configuration: Record<string, string>;
    resolvedConfiguration: Record<string, string>;
    roleArn?: string;
    region: string;
    inputArtifacts: ArtifactDetailView[];
    namespace?: string;
  };
  output: {
    outputArtifacts: ArtifactDetailView[];
    executionResult?: {
      externalExecutionId?: string;
      externalExecutionSummary?: string;
      externalExecutionUrl?: string;
      errorDetails?: ErrorDetailsView;
    };
    outputVariables?: Record<string, string>;
  };
}

/** A page of a list operation; `nextToken` absent on the last page. */
export interface Page {
  nextToken?: string;
}
