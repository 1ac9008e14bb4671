/**
 * The three CodePipeline reads `nagare pipeline watch` polls, over the signed JSON 1.1 client
 * (`X-Amz-Target: CodePipeline_20150709.<Operation>`, signing name `codepipeline`). Answers are
 * narrowed just enough to be safe to read; service errors stay AppErrors with AWS's code.
 */
import { AppError } from '../shared/index.js';
import type { AwsJsonCall } from './build-aws-client.js';
import type { ActionState, ExecutionSummary, PipelineExecution, PipelineState, StageState } from './pipeline-types.js';

export interface PipelineApi {
  getPipelineState(name: string): Promise<PipelineState>;
  getPipelineExecution(name: string, executionId: string): Promise<PipelineExecution>;
  /** Most recent first (sorted here by startTime: the wire order is not something to rely on). */
  listPipelineExecutions(name: string): Promise<ExecutionSummary[]>;
}

const PREFIX = 'CodePipeline_20150709';

export function pipelineApi(call: AwsJsonCall): PipelineApi {
  const op = (operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => call('codepipeline', `${PREFIX}.${operation}`, body);
  return {
    async getPipelineState(name) {
      const out = await op('GetPipelineState', { name });
      const stages = (Array.isArray(out.stageStates) ? (out.stageStates as unknown[]) : []).filter(isNamedStage);
      const stageStates = stages.map((s): StageState => {
        const actions: unknown[] = Array.isArray(s.actionStates) ? (s.actionStates as unknown[]) : [];
        return { ...(s as unknown as StageState), actionStates: actions.filter(isNamedAction) };
      });
      return { ...(out as Omit<PipelineState, 'stageStates'>), stageStates };
    },
    async getPipelineExecution(name, executionId) {
      const out = await op('GetPipelineExecution', { pipelineName: name, pipelineExecutionId: executionId });
      const exec = out.pipelineExecution as Partial<PipelineExecution> | undefined;
      if (typeof exec?.status !== 'string') throw new AppError('MalformedResponse', 'GetPipelineExecution answered without pipelineExecution.status', { fault: 'system' });
      return { ...exec, pipelineExecutionId: exec.pipelineExecutionId ?? executionId, status: exec.status };
    },
    async listPipelineExecutions(name) {
      const out = await op('ListPipelineExecutions', { pipelineName: name, maxResults: 25 });
      const list = Array.isArray(out.pipelineExecutionSummaries) ? (out.pipelineExecutionSummaries as Array<Partial<ExecutionSummary>>) : [];
      const valid = list.filter((s): s is ExecutionSummary => typeof s.pipelineExecutionId === 'string' && typeof s.status === 'string');
      return sortRecentFirst(valid);
    },
  };
}

/** Stable sort by startTime, newest first; entries without a startTime keep their place at the end. */
export function sortRecentFirst(list: ExecutionSummary[]): ExecutionSummary[] {
  const start = (s: ExecutionSummary): number => {
    const v = s.startTime;
    if (typeof v === 'number') return v;
    if (typeof v === 'string') return Date.parse(v) / 1000 || -Infinity;
    return -Infinity;
  };
  return list.map((s, i) => ({ s, i })).sort((a, b) => start(b.s) - start(a.s) || a.i - b.i).map((x) => x.s);
}

function isNamedStage(value: unknown): value is Record<string, unknown> & { stageName: string } {
  return typeof value === 'object' && value !== null && typeof (value as { stageName?: unknown }).stageName === 'string';
}

function isNamedAction(value: unknown): value is ActionState {
  return typeof value === 'object' && value !== null && typeof (value as { actionName?: unknown }).actionName === 'string';
}
