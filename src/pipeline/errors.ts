/**
 * Domain errors of pipelines. Each code IS the CodePipeline exception name (spec D.6), so the
 * provider maps them one to one; messages follow AWS's wording where it is on record.
 */
import { AppError, formatArn } from '../shared/index.js';
import type { PipelineScope } from './actions/types.js';

export type PipelineErrorCode =
  | 'ValidationException'
  | 'PipelineNotFoundException'
  | 'PipelineNameInUseException'
  | 'PipelineVersionNotFoundException'
  | 'PipelineExecutionNotFoundException'
  | 'PipelineExecutionNotStoppableException'
  | 'DuplicatedStopRequestException'
  | 'StageNotFoundException'
  | 'StageNotRetryableException'
  | 'NotLatestPipelineExecutionException'
  | 'ActionNotFoundException'
  | 'ActionTypeNotFoundException'
  | 'InvalidApprovalTokenException'
  | 'ApprovalAlreadyCompletedException'
  | 'InvalidStructureException'
  | 'InvalidStageDeclarationException'
  | 'InvalidActionDeclarationException'
  | 'InvalidBlockerDeclarationException'
  | 'InvalidNextTokenException'
  | 'ConflictException'
  | 'ResourceNotFoundException'
  | 'InvalidArnException'
  | 'TooManyTagsException'
  | 'InvalidTagsException'
  | 'WebhookNotFoundException'
  | 'InvalidWebhookFilterPatternException'
  | 'InvalidWebhookAuthenticationParametersException'
  | 'UnableToRollbackStageException'
  | 'PipelineExecutionOutdatedException'
  | 'LimitExceededException'
  | 'ConcurrentModificationException';

export function pipelineError(code: PipelineErrorCode, message: string): AppError {
  return new AppError(code, message, { fault: 'user' });
}

export function pipelineArn(scope: PipelineScope, name: string): string {
  return formatArn({ service: 'codepipeline', region: scope.region, account: scope.accountId, resource: name });
}

/** Observed: "Account '<id>' does not have a pipeline with name '<name>'". */
export const pipelineNotFound = (scope: PipelineScope, name: string): AppError =>
  pipelineError('PipelineNotFoundException', `Account '${scope.accountId}' does not have a pipeline with name '${name}'`);

export const executionNotFound = (name: string, id: string): AppError =>
  pipelineError('PipelineExecutionNotFoundException', `Pipeline execution with id '${id}' does not exist in pipeline with name '${name}'`);

export const stageNotFound = (name: string, stage: string): AppError =>
  pipelineError('StageNotFoundException', `Pipeline '${name}' does not have a stage with name '${stage}'`);
