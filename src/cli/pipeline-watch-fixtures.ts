/**
 * GetPipelineState / GetPipelineExecution answers (wire JSON, spec D.3) for the tests of
 * `nagare pipeline watch`: a three-stage pipeline Source → Build → Deploy (approval, then deploy).
 * `E` is the followed execution, `OLD` one that started before it, `NEW` one after it.
 */
import type { PipelineExecution, PipelineState, StageState } from './pipeline-types.js';

export const E = '11111111-1111-4111-8111-111111111111';
export const OLD = '00000000-0000-4000-8000-000000000000';
export const NEW = '22222222-2222-4222-8222-222222222222';
export const TOKEN = '33333333-3333-4333-8333-333333333333';
/** 2026-01-01T00:00:00Z in epoch seconds; E started then. */
export const T0 = 1_767_225_600;

const ref = (id: string, status: string): StageState['latestExecution'] => ({ pipelineExecutionId: id, status, type: 'STANDARD' });

const sourceDone = (id: string): StageState => ({
  stageName: 'Source',
  latestExecution: ref(id, 'Succeeded'),
  actionStates: [
    {
      actionName: 'Checkout',
      latestExecution: {
        actionExecutionId: `src-${id.slice(0, 4)}`,
        status: 'Succeeded',
        summary: 'Add the deploy stage\n\nlong body',
        lastStatusChange: T0 + 3,
        externalExecutionId: '9f2c1e7',
      },
    },
  ],
});

const build = (latest: StageState['latestExecution'], action: StageState['actionStates'][number]['latestExecution'], extra: Partial<StageState> = {}): StageState => ({
  stageName: 'Build',
  inboundTransitionState: { enabled: true },
  ...(latest ? { latestExecution: latest } : {}),
  actionStates: [{ actionName: 'Compile', ...(action ? { latestExecution: action } : {}) }],
  ...extra,
});

const deploy = (latest?: StageState['latestExecution'], approval?: StageState['actionStates'][number]['latestExecution'], ship?: StageState['actionStates'][number]['latestExecution']): StageState => ({
  stageName: 'Deploy',
  inboundTransitionState: { enabled: true },
  ...(latest ? { latestExecution: latest } : {}),
  actionStates: [
    { actionName: 'Approve', ...(approval ? { latestExecution: approval } : {}) },
    { actionName: 'Ship', ...(ship ? { latestExecution: ship } : {}) },
  ],
});

const state = (...stageStates: StageState[]): PipelineState => ({ pipelineName: 'demo', pipelineVersion: 1, stageStates });

export const exec = (status: string, statusSummary?: string): PipelineExecution => ({ pipelineName: 'demo', pipelineExecutionId: E, status, ...(statusSummary ? { statusSummary } : {}) });

/** Build running for E; Deploy never ran. */
export const running = state(
  sourceDone(E),
  build(ref(E, 'InProgress'), { actionExecutionId: 'bld-1', status: 'InProgress', lastStatusChange: T0 + 5, externalExecutionId: 'demo-build:0f1e2d3c', percentComplete: 40 }),
  deploy(),
);

/** Build done, the manual approval waits with its token. */
export const approvalPending = state(
  sourceDone(E),
  build(ref(E, 'Succeeded'), { actionExecutionId: 'bld-1', status: 'Succeeded', lastStatusChange: T0 + 65, externalExecutionId: 'demo-build:0f1e2d3c' }),
  deploy(ref(E, 'InProgress'), { actionExecutionId: 'apr-1', status: 'InProgress', lastStatusChange: T0 + 66, token: TOKEN }),
);

/** Build failed: the stage and the execution fail, Deploy is never reached. */
export const failed = state(
  sourceDone(E),
  build(ref(E, 'Failed'), {
    actionExecutionId: 'bld-1',
    status: 'Failed',
    lastStatusChange: T0 + 47,
    externalExecutionId: 'demo-build:0f1e2d3c',
    errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED\nPhase BUILD: COMMAND_EXECUTION_ERROR' },
  }),
  deploy(),
);

/** Everything succeeded for E. */
export const succeeded = state(
  sourceDone(E),
  build(ref(E, 'Succeeded'), { actionExecutionId: 'bld-1', status: 'Succeeded', lastStatusChange: T0 + 65, externalExecutionId: 'demo-build:0f1e2d3c' }),
  deploy(
    ref(E, 'Succeeded'),
    { actionExecutionId: 'apr-1', status: 'Succeeded', lastStatusChange: T0 + 80, summary: 'looks good', lastUpdatedBy: 'arn:aws:iam::000000000000:user/ana' },
    { actionExecutionId: 'shp-1', status: 'Succeeded', lastStatusChange: T0 + 95 },
  ),
);

/** SUPERSEDED mode, before: E passed Source and waits to enter Build, which OLD still runs. */
export const supersededBefore = state(
  sourceDone(E),
  build(ref(OLD, 'InProgress'), { actionExecutionId: 'bld-0', status: 'InProgress', lastStatusChange: T0 - 10 }, { inboundExecution: ref(E, 'InProgress') }),
  deploy(),
);

/** SUPERSEDED mode, after: NEW overtook E at Build's entrance; Source now shows NEW. */
export const supersededAfter = state(
  sourceDone(NEW),
  build(ref(NEW, 'InProgress'), { actionExecutionId: 'bld-2', status: 'InProgress', lastStatusChange: T0 + 30 }),
  deploy(ref(OLD, 'Succeeded')),
);

/** QUEUED mode: OLD runs Build (its Compile shows OLD's run); E and NEW queue at the entrance. */
export const queued = state(
  sourceDone(NEW),
  build(ref(OLD, 'InProgress'), { actionExecutionId: 'bld-0', status: 'InProgress', lastStatusChange: T0 - 10 }, { inboundExecutions: [ref(E, 'InProgress')!, ref(NEW, 'InProgress')!] }),
  deploy(),
);

/** Build disabled at its entrance (E waits there), with the reason. */
export const transitionDisabled = state(
  sourceDone(E),
  build(undefined, undefined, { inboundExecution: ref(E, 'InProgress'), inboundTransitionState: { enabled: false, disabledReason: 'freeze until Monday' } }),
  deploy(),
);
