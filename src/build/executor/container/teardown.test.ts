import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerRuntime, ContainerSpec } from '../../../runtime/index.js';
import { EngineError } from '../../../runtime/index.js';
import { SystemClock } from '../../../shared/index.js';
import { BuildLog } from '../local/build-log.js';
import { ProcessGroups } from '../local/process-groups.js';
import { Masker } from '../masker.js';
import type { ContainerContext } from './context.js';
import { containerStateFiles } from './paths.js';
import { provision } from './provision.js';
import { tearDown } from './teardown.js';
import type { ContainerBuildInput } from './types.js';

function gate(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((ok) => (resolve = ok));
  return { promise, resolve };
}

/** An engine whose create / start answer only when the test says so; records what happened to each container. */
class GatedEngine implements ContainerRuntime {
  readonly events: string[] = [];
  readonly gates = { create: gate(), start: gate() };
  removeFailures = 0;
  /** Set when a create call reached the engine. */
  creating = false;
  private created = 0;

  ping = async (): Promise<void> => undefined;
  imageExists = async (): Promise<boolean> => true;
  pullImage = async (): Promise<void> => undefined;
  createContainer = async (spec: ContainerSpec): Promise<string> => {
    this.creating = true;
    await this.gates.create.promise;
    const id = `c${++this.created}`;
    this.events.push(`create ${id} ${spec.labels?.['nagare.build-uuid'] ?? ''}`.trim());
    return id;
  };
  startContainer = async (id: string): Promise<void> => {
    await this.gates.start.promise;
    this.events.push(`start ${id}`);
  };
  exec = (): never => assert.fail('no exec expected');
  stopContainer = async (id: string): Promise<void> => void this.events.push(`stop ${id}`);
  killContainer = async (id: string): Promise<void> => void this.events.push(`kill ${id}`);
  removeContainer = async (id: string): Promise<void> => {
    if (this.removeFailures-- > 0) throw new EngineError(500, 'container state improper');
    this.events.push(`remove ${id}`);
  };
  removeContainersByLabel = async (): Promise<number> => 0;
}

function context(runtime: ContainerRuntime, interrupt: AbortSignal): ContainerContext {
  const input = { image: 'aws/codebuild/standard:7.0', srcDir: '/host/src', scratchDir: '/host/tmp', labels: { 'nagare.build-uuid': 'u1' } } as unknown as ContainerBuildInput;
  const masker = new Masker([]);
  return {
    input: { ...input, srcDir: '/codebuild/output/src1/src' },
    hostInput: input,
    runtime,
    log: new BuildLog(new SystemClock(), masker, () => undefined),
    masker,
    groups: new ProcessGroups(),
    interrupt,
    graceMs: 0,
    files: containerStateFiles(),
    containerFiles: containerStateFiles(),
    diagnostics: [],
    projectSecretNames: [],
    shell: 'sh',
    commandCount: 0,
    sourceGranted: true,
    killed: false,
    tornDown: false,
  };
}

test('a build torn down while PROVISIONING still creates its container: the late container is removed, never started', async () => {
  const engine = new GatedEngine();
  const interrupt = new AbortController();
  const ctx = context(engine, interrupt.signal);
  const provisioning = provision(ctx);
  while (!engine.creating) await new Promise((r) => setImmediate(r));
  interrupt.abort();
  await tearDown(ctx); // the executor's `finally` gave up waiting: no container to remove yet
  assert.deepEqual(engine.events, []);
  engine.gates.create.resolve();
  const outcome = await provisioning;
  assert.equal(outcome.ok, false);
  assert.deepEqual(engine.events, ['create c1 u1', 'remove c1']);
});

test('a build interrupted while its container starts: PROVISIONING hands it back and the teardown removes it', async () => {
  const engine = new GatedEngine();
  const interrupt = new AbortController();
  const ctx = context(engine, interrupt.signal);
  engine.gates.create.resolve();
  const provisioning = provision(ctx);
  while (engine.events.length === 0) await new Promise((r) => setImmediate(r));
  interrupt.abort(); // the kill sent now would find nothing running yet
  engine.gates.start.resolve();
  assert.equal((await provisioning).ok, false);
  await tearDown(ctx);
  assert.deepEqual(engine.events, ['create c1 u1', 'start c1', 'kill c1', 'remove c1']);
});

test('a removal the engine refuses for a moment is retried', async () => {
  const engine = new GatedEngine();
  const ctx = context(engine, new AbortController().signal);
  engine.gates.create.resolve();
  engine.gates.start.resolve();
  assert.equal((await provision(ctx)).ok, true);
  engine.removeFailures = 2;
  await tearDown(ctx);
  assert.deepEqual(engine.events, ['create c1 u1', 'start c1', 'kill c1', 'remove c1']);
});
