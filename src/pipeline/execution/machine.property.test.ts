/**
 * Property test: random event sequences (seeded, so a failure replays) against the invariants of
 * the machine — the stage lock, no stuck executions, complete admission, and a clean action ledger.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decide, inboundExecutions, initialState, locksStages, supersedes } from './index.js';
import type { ExecutionMode, PipelineCommand, PipelineEvent, PipelineRuntimeState, PipelineShape } from './index.js';
import { AT, deepFreeze } from './test-support.js';

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

function randomShape(g: Gen, mode: ExecutionMode, version: number): PipelineShape {
  const names = ['Source', 'Build', 'Test', 'Deploy', 'Prod'].slice(0, 1 + g.int(4));
  return {
    version,
    pipelineType: 'V2',
    executionMode: mode,
    stages: names.map((name) => ({
      name,
      actions: Array.from({ length: g.chance(0.05) ? 0 : 1 + g.int(3) }, (_, i) => ({ name: `A${i}`, runOrder: 1 + g.int(3) })),
    })),
  };
}

function randomEvent(g: Gen, state: PipelineRuntimeState, ids: string[], mode: ExecutionMode): PipelineEvent {
  const stages = state.shape.stages.map((s) => s.name);
  const r = g.next();
  if (r < 0.18) {
    const id = `e${ids.length + 1}`;
    ids.push(id);
    return { type: 'START_EXECUTION', executionId: id, ...(g.chance(0.1) ? { onlyStage: g.pick(stages) ?? 'Source' } : {}) };
  }
  if (r < 0.62) {
    const running = state.executions.flatMap((e) => e.actions.filter((a) => a.status === 'InProgress').map((a) => ({ e, a })));
    const hit = g.pick(running);
    if (hit) {
      const ref = { executionId: hit.e.id, stage: hit.e.stage, action: hit.a.name, attempt: hit.a.attempt };
      const k = g.next();
      if (k < 0.6) return { type: 'ACTION_SUCCEEDED', ...ref };
      if (k < 0.85) return { type: 'ACTION_FAILED', ...ref, error: { code: 'JobFailed', message: 'boom' } };
      return { type: 'ACTION_TIMED_OUT', ...ref };
    }
  }
  const id = g.pick(ids) ?? 'e0';
  const stage = g.pick(stages) ?? 'Source';
  if (r < 0.7) return { type: 'ACTION_SUCCEEDED', executionId: id, stage, action: `A${g.int(3)}`, attempt: g.int(4) };
  if (r < 0.78) {
    // Mostly active executions, so stop-and-wait, abandon and their combination all happen.
    const target = g.chance(0.7) ? (g.pick(state.executions)?.id ?? id) : id;
    return { type: 'STOP', executionId: target, abandon: g.chance(0.4), ...(g.chance(0.5) ? { reason: 'r' } : {}) };
  }
  if (r < 0.88) {
    // Mostly a stage whose latest run failed or stopped, so retries are accepted often enough.
    const retryable = state.stages.filter((s) => s.latest?.status === 'Failed' || s.latest?.status === 'Stopped');
    const target = g.chance(0.7) ? g.pick(retryable) : undefined;
    const mode = g.chance(0.5) ? 'FAILED_ACTIONS' : 'ALL_ACTIONS';
    if (target?.latest) return { type: 'RETRY_STAGE', executionId: target.latest.executionId, stage: target.name, mode };
    return { type: 'RETRY_STAGE', executionId: id, stage, mode };
  }
  if (r < 0.98) return g.chance(0.5) ? { type: 'DISABLE_TRANSITION', stage, reason: 'hold', at: AT } : { type: 'ENABLE_TRANSITION', stage, at: AT };
  return { type: 'PIPELINE_UPDATED', shape: randomShape(g, mode, state.shape.version + 1) };
}

/** Every START_ACTION by (execution, stage, action, attempt), and how many actions each execution has running. */
interface Ledger {
  actions: Map<string, 'started' | 'finished'>;
  running: Map<string, number>;
}
const key = (c: { executionId: string; stage: string; action: string; attempt: number }): string => JSON.stringify([c.executionId, c.stage, c.action, c.attempt]);

function checkCommands(ledger: Ledger, commands: PipelineCommand[], where: string): void {
  for (const c of commands) {
    if (c.type === 'START_ACTION') {
      assert.equal(ledger.actions.get(key(c)), undefined, `${where}: ${key(c)} started twice`);
      ledger.actions.set(key(c), 'started');
      ledger.running.set(c.executionId, (ledger.running.get(c.executionId) ?? 0) + 1);
    } else if (c.type === 'ACTION_FINISHED') {
      assert.equal(ledger.actions.get(key(c)), 'started', `${where}: ${key(c)} finished without a start or twice`);
      ledger.actions.set(key(c), 'finished');
      ledger.running.set(c.executionId, (ledger.running.get(c.executionId) ?? 0) - 1);
    } else if (c.type === 'EXECUTION_FINISHED') {
      assert.equal(ledger.running.get(c.executionId) ?? 0, 0, `${where}: ${c.executionId} ended with actions still running`);
    }
  }
}

function checkState(state: PipelineRuntimeState, ledger: Ledger, where: string): void {
  const mode = state.shape.pipelineType === 'V1' ? 'SUPERSEDED' : state.shape.executionMode;
  assert.deepEqual(JSON.parse(JSON.stringify(state)), state, `${where}: not JSON-safe`);
  assert.deepEqual(state.stages.map((s) => s.name), state.shape.stages.map((s) => s.name));
  const seqs = state.executions.map((e) => e.seq);
  assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), `${where}: executions out of seq order`);
  assert.equal(new Set(state.executions.map((e) => e.id)).size, state.executions.length);
  for (const [i, stage] of state.stages.entries()) {
    const inside = state.executions.filter((e) => e.stage === stage.name && e.inside);
    const waiting = inboundExecutions(state, stage.name);
    if (locksStages(mode)) assert.ok(inside.length <= 1, `${where}: ${inside.length} executions inside ${stage.name}`);
    if (supersedes(mode)) assert.ok(waiting.length <= 1, `${where}: ${waiting.length} executions wait in front of ${stage.name}`);
    // Admission ran to completion: nobody waits in front of an open, free stage.
    const open = i === 0 || stage.inbound?.enabled === true;
    assert.ok(!(open && waiting.length > 0 && (!locksStages(mode) || inside.length === 0)), `${where}: ${stage.name} is open but has waiters`);
    assert.equal(i === 0, stage.inbound === undefined, `${where}: inbound transition of ${stage.name}`);
  }
  for (const e of state.executions) {
    assert.ok(state.shape.stages.some((s) => s.name === e.stage), `${where}: ${e.id} in unknown stage`);
    if (!e.inside) continue;
    const running = e.actions.filter((a) => a.status === 'InProgress');
    assert.ok(running.length > 0, `${where}: ${e.id} is inside ${e.stage} with nothing in progress`);
    for (const a of running) assert.equal(ledger.actions.get(key({ executionId: e.id, stage: e.stage, action: a.name, attempt: a.attempt })), 'started');
  }
}

describe('execution machine properties (seeded random event sequences)', () => {
  for (const mode of ['SUPERSEDED', 'QUEUED', 'PARALLEL'] as const) {
    test(`${mode}: lock, no stuck execution, complete admission, each started action finishes at most once`, () => {
      let events = 0;
      let accepted = 0;
      for (let seed = 1; seed <= 150; seed++) {
        const g = new Gen(prng(seed * 7919 + mode.length));
        let state = deepFreeze(initialState(randomShape(g, mode, 1)));
        const ids: string[] = [];
        const ledger: Ledger = { actions: new Map(), running: new Map() };
        for (let step = 0; step < 80; step++) {
          const event = deepFreeze(randomEvent(g, state, ids, mode));
          const where = `seed ${seed} step ${step} ${JSON.stringify(event)}`;
          const d = decide(state, event);
          events++;
          if (d.rejection) {
            assert.equal(d.next, state, where);
            assert.deepEqual(d.commands, [], where);
            continue;
          }
          accepted++;
          checkCommands(ledger, d.commands, where);
          state = deepFreeze(d.next);
          checkState(state, ledger, where);
        }
      }
      // The generator must mostly produce events the machine accepts, or the test proves little.
      assert.ok(accepted > events / 2, `${accepted}/${events} accepted`);
    });
  }
});
