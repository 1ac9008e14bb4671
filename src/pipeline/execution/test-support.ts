/**
 * Scenario helpers for the execution machine's tests: a compact shape builder, event builders and
 * a Scenario that feeds events through `decide` (on deep-frozen states, so any mutation of the
 * input throws) and renders the commands as short lines. Test-only; not exported from index.ts.
 */
import assert from 'node:assert/strict';
import { decide } from './decide.js';
import { initialState } from './initial-state.js';
import type { ExecutionMode, StageRetryMode } from './status.js';
import type { PipelineCommand, PipelineEvent, PipelineRuntimeState, PipelineShape, Rejection } from './types.js';

/** `{ Build: ['Unit', 'Lint', 'Package@2'] }`: `@n` sets runOrder n (default 1). `V1` = a V1 pipeline. */
export function shape(mode: ExecutionMode | 'V1', stages: Record<string, string[]>, version = 1): PipelineShape {
  return {
    version,
    pipelineType: mode === 'V1' ? 'V1' : 'V2',
    executionMode: mode === 'V1' ? 'SUPERSEDED' : mode,
    stages: Object.entries(stages).map(([name, actions]) => ({
      name,
      actions: actions.map((spec) => {
        const [action = spec, order] = spec.split('@');
        return { name: action, runOrder: order === undefined ? 1 : Number(order) };
      }),
    })),
  };
}

export const AT = '2024-05-01T12:00:00.000Z';
export const start = (executionId: string, onlyStage?: string): PipelineEvent =>
  ({ type: 'START_EXECUTION', executionId, ...(onlyStage !== undefined ? { onlyStage } : {}) });
export const ok = (executionId: string, stage: string, action: string, attempt = 1): PipelineEvent =>
  ({ type: 'ACTION_SUCCEEDED', executionId, stage, action, attempt });
export const fail = (executionId: string, stage: string, action: string, attempt = 1): PipelineEvent =>
  ({ type: 'ACTION_FAILED', executionId, stage, action, attempt, error: { code: 'JobFailed', message: 'exit 1' } });
export const timeout = (executionId: string, stage: string, action: string, attempt = 1): PipelineEvent =>
  ({ type: 'ACTION_TIMED_OUT', executionId, stage, action, attempt });
export const stop = (executionId: string, abandon = false, reason?: string): PipelineEvent =>
  ({ type: 'STOP', executionId, abandon, ...(reason !== undefined ? { reason } : {}) });
export const retry = (executionId: string, stage: string, mode: StageRetryMode = 'FAILED_ACTIONS'): PipelineEvent =>
  ({ type: 'RETRY_STAGE', executionId, stage, mode });
export const disable = (stage: string, reason = 'hold'): PipelineEvent => ({ type: 'DISABLE_TRANSITION', stage, reason, by: 'alice', at: AT });
export const enable = (stage: string): PipelineEvent => ({ type: 'ENABLE_TRANSITION', stage, by: 'bob', at: AT });
export const updated = (next: PipelineShape): PipelineEvent => ({ type: 'PIPELINE_UPDATED', shape: next });

/** One short line per command, e.g. `e1 start Build.Unit#1`, `e1 Build Failed`, `e2 ends Superseded`. */
export function line(c: PipelineCommand): string {
  switch (c.type) {
    case 'STAGE_STARTED':
      return `${c.executionId} enter ${c.stage}${c.retryMode ? ` (${c.retryMode})` : ''}`;
    case 'START_ACTION':
      return `${c.executionId} start ${c.stage}.${c.action}#${c.attempt}`;
    case 'ACTION_FINISHED':
      return `${c.executionId} ${c.status} ${c.stage}.${c.action}#${c.attempt}`;
    case 'CANCEL_ACTION':
      return `${c.executionId} cancel ${c.stage}.${c.action}#${c.attempt}`;
    case 'STAGE_FINISHED':
      return `${c.executionId} ${c.stage} ${c.status}`;
    case 'EXECUTION_UPDATED':
      return `${c.executionId} is ${c.status}`;
    case 'EXECUTION_FINISHED':
      return `${c.executionId} ends ${c.status}`;
  }
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export class Scenario {
  state: PipelineRuntimeState;
  readonly commands: PipelineCommand[] = [];

  constructor(s: PipelineShape) {
    this.state = deepFreeze(initialState(s));
  }

  /** Feeds accepted events; returns the lines of the commands they produced. Fails on a rejection. */
  send(...events: PipelineEvent[]): string[] {
    const lines: string[] = [];
    for (const event of events) {
      const d = decide(this.state, deepFreeze(event));
      assert.equal(d.rejection, undefined, `${event.type} rejected: ${d.rejection?.code ?? ''} ${d.rejection?.message ?? ''}`);
      this.state = deepFreeze(d.next);
      this.commands.push(...d.commands);
      lines.push(...d.commands.map(line));
    }
    return lines;
  }

  /** Feeds an event that must be refused: same state back, no commands. */
  refuse(event: PipelineEvent): Rejection {
    const d = decide(this.state, deepFreeze(event));
    assert.ok(d.rejection, `${event.type} was accepted`);
    assert.equal(d.next, this.state);
    assert.deepEqual(d.commands, []);
    return d.rejection;
  }

  /** Where each active execution is: `e1 in Build`, `e2 before Deploy`, `e3 in Build (Stopping)`. */
  where(): string[] {
    return this.state.executions.map((e) => `${e.id} ${e.inside ? 'in' : 'before'} ${e.stage}${e.status === 'Stopping' ? ' (Stopping)' : ''}`);
  }

  latest(stage: string): PipelineRuntimeState['stages'][number]['latest'] {
    return this.state.stages.find((s) => s.name === stage)?.latest;
  }
}
