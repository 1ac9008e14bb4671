/**
 * The container executor: the local executor's state machine walk (decide.ts), with every command
 * exec'd in one long-lived container started from the project's environment image (spec B
 * `ProjectEnvironment`). Timeout and StopBuild kill the container — every process of the build with
 * it — and end the running phase TIMED_OUT / STOPPED; the container is always removed at the end,
 * even one PROVISIONING creates after the build was interrupted (teardown.ts).
 * Every outcome is a result; only bugs and broken hosts throw.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import { decide, startBuild } from '../decide.js';
import type { BuildCommand, BuildState } from '../decide.js';
import { completedResult, eventFor, onFailureOf, phaseFault } from '../build-loop-steps.js';
import type { PhaseOutcome } from '../hooks.js';
import { Masker } from '../masker.js';
import { BuildLog } from '../local/build-log.js';
import { stateFiles } from '../local/context.js';
import { ProcessGroups } from '../local/process-groups.js';
import type { BuildspecSource } from '../local/types.js';
import { within } from '../local/within.js';
import type { ContainerContext } from './context.js';
import { killBuildContainer } from './context.js';
import { containerSrcDir, containerStateFiles } from './paths.js';
import { runContainerPhase } from './run-phase.js';
import { tearDown } from './teardown.js';
import type { ContainerBuildInput, ContainerBuildResult } from './types.js';

/** How long to let an interrupted phase settle before returning (its exec streams are closing). */
const SETTLE_MS = 5000;

export async function runContainerBuild(input: ContainerBuildInput): Promise<ContainerBuildResult> {
  const interrupt = new AbortController();
  let reason: 'TIMED_OUT' | 'STOPPED' | undefined;
  const masker = new Masker(input.maskValues ?? []);
  const srcDir = input.containerSrcDir ?? containerSrcDir(input.scratchDir);
  const ctx: ContainerContext = {
    input: { ...input, srcDir, buildspec: await inContainerBuildspec(input.buildspec, input.srcDir, srcDir), systemEnv: { ...input.systemEnv, CODEBUILD_SRC_DIR: srcDir } },
    hostInput: input,
    runtime: input.runtime,
    log: new BuildLog(input.clock, masker, (lines) => input.onLog(lines)),
    masker,
    // Unused: processes live in the container and die with it. Kept so the local phases' context fits.
    groups: new ProcessGroups(),
    interrupt: interrupt.signal,
    graceMs: input.killGraceMs ?? 0,
    files: stateFiles(input.scratchDir),
    containerFiles: containerStateFiles(),
    diagnostics: [],
    projectSecretNames: [],
    shell: 'sh',
    commandCount: 0,
    sourceGranted: true,
    killed: false,
    tornDown: false,
  };
  const stop = (why: 'TIMED_OUT' | 'STOPPED'): void => {
    reason ??= why;
    interrupt.abort();
    void killBuildContainer(ctx);
  };
  const timer = setTimeout(() => stop('TIMED_OUT'), Math.max(0, input.timeoutMinutes * 60_000));
  const onStop = (): void => stop('STOPPED');
  if (input.signal?.aborted) onStop();
  input.signal?.addEventListener('abort', onStop, { once: true });
  const interrupted = new Promise<undefined>((ok) => interrupt.signal.addEventListener('abort', () => ok(undefined), { once: true }));
  let inFlight: Promise<PhaseOutcome> | undefined;
  let { next: state, commands } = startBuild(input.clock.now());
  try {
    for (;;) {
      await perform(ctx, commands);
      input.onProgress?.(state);
      const run = commands.find((c): c is Extract<BuildCommand, { type: 'RUN_PHASE' }> => c.type === 'RUN_PHASE');
      if (state.buildComplete || !run) break;
      inFlight = reason ? undefined : runContainerPhase(ctx, run.phaseType, run.succeeding).catch((err: unknown) => phaseFault(err));
      const outcome = inFlight ? await Promise.race([inFlight, interrupted]) : undefined;
      if (run.phaseType === 'DOWNLOAD_SOURCE' && ctx.plan) {
        state = decide(state, { type: 'PLAN_LOADED', onFailure: onFailureOf(ctx.plan) }).next;
      }
      ({ next: state, commands } = decide(state, eventFor(reason, outcome, input.clock.now())));
    }
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onStop);
    if (inFlight) await within(inFlight, SETTLE_MS);
    // Best effort: a container the engine would not remove still carries the build's labels.
    await tearDown(ctx).catch(() => undefined);
    await ctx.log.idle();
  }
  return resultOf(state, ctx);
}

/**
 * The buildspec as DOWNLOAD_SOURCE inside the container sees it: read from the host side of the
 * mount, named by its container path (so `YAML location is /codebuild/output/src…/src/buildspec.yml`
 * and a missing file gives the agent's `stat <container path>` error).
 */
async function inContainerBuildspec(spec: BuildspecSource, hostSrc: string, containerSrc: string): Promise<BuildspecSource> {
  if ('inline' in spec || isAbsolute(spec.path)) return spec;
  try {
    return { inline: await readFile(join(hostSrc, spec.path), 'utf8'), location: posix.join(containerSrc, spec.path) };
  } catch {
    return { path: posix.join(containerSrc, spec.path) };
  }
}

async function perform(ctx: ContainerContext, commands: BuildCommand[]): Promise<void> {
  for (const c of commands) {
    if (c.type === 'LOG') ctx.log.agent(c.message);
    else if (c.type === 'TERMINATE') await killBuildContainer(ctx);
  }
}




function resultOf(state: BuildState, ctx: ContainerContext): ContainerBuildResult {
  return { ...completedResult(state, ctx), ...(ctx.image ? { image: ctx.image } : {}) };
}
