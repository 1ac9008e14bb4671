// The read side of the CodePipeline API in AWS wire shapes (spec D.2, D.3).
export type * from './types.js';
export { getPipeline, listPipelines, toPipelineSummary, DEFAULT_PIPELINES_PAGE } from './get-pipeline.js';
export { getPipelineState } from './get-pipeline-state.js';
export { buildStageStates, type StageStateInputs } from './stage-states.js';
export {
  getPipelineExecution,
  listPipelineExecutions,
  toPipelineExecution,
  toExecutionSummary,
  DEFAULT_EXECUTIONS_PAGE,
  type ListPipelineExecutionsInput,
} from './executions.js';
export { listActionExecutions, toActionExecutionDetail, maskConfiguration, DEFAULT_ACTION_EXECUTIONS_PAGE, type ListActionExecutionsInput } from './action-executions.js';
export { listActionTypesPage, getActionType, type ActionTypeIdentifierInput, type ActionTypeDeclarationView } from './action-types.js';
