/**
 * The work behind each RUN_PHASE command for the container executor. DOWNLOAD_SOURCE and the
 * buildspec-phase rules are the local executor's (same parser, environment, secrets, A.8 command
 * order); PROVISIONING starts the container; UPLOAD_ARTIFACTS works on the host side of the mount.
 */
import { exportableNames } from '../compose-env.js';
import type { PhaseOutcome } from '../hooks.js';
import { downloadSource } from '../local/download-source.js';
import { finalEnv, uploadArtifacts } from '../local/upload-artifacts.js';
import type { PlannedPhase } from '../../buildspec/index.js';
import type { BuildPhaseType } from '../status.js';
import { isBuildspecPhase } from '../status.js';
import type { PhaseContext } from '../types.js';
import type { ContainerContext } from './context.js';
import { provision } from './provision.js';
import { runContainerCommand } from './run-command.js';

export async function runContainerPhase(ctx: ContainerContext, phaseType: BuildPhaseType, succeeding: boolean): Promise<PhaseOutcome> {
  if (isBuildspecPhase(phaseType)) {
    const planned = ctx.plan?.phases.find((p) => p.phaseType === phaseType);
    return planned ? runBuildspecPhase(ctx, planned, succeeding) : { ok: true };
  }
  switch (phaseType) {
    case 'PROVISIONING':
      return provision(ctx);
    case 'DOWNLOAD_SOURCE':
      return downloadSource(ctx);
    case 'UPLOAD_ARTIFACTS':
      return onHost(ctx, uploadArtifacts);
    case 'FINALIZING':
      await onHost(ctx, collectExported);
      return { ok: true };
    default:
      return { ok: true };
  }
}

/** Spec A.8: `commands` until one fails, then `finally` either way; the first failure is the context. */
async function runBuildspecPhase(ctx: ContainerContext, phase: PlannedPhase, succeeding: boolean): Promise<PhaseOutcome> {
  if (phase.runtimeVersions) ctx.log.agent('Skipping install of runtimes. Runtime version selection is not supported by this build image');
  let failure: PhaseContext | undefined;
  for (const block of [phase.commands, phase.finally]) {
    for (const command of block) {
      if (ctx.interrupt.aborted) return { ok: false, context: failure ?? { statusCode: '', message: '' } };
      // run-as: the engine switches user (the name must exist in the image).
      const outcome = await runContainerCommand(ctx, command, succeeding, phase.runAs);
      if (!outcome.ok) {
        failure ??= outcome.context;
        break;
      }
    }
  }
  return failure ? { ok: false, context: failure } : { ok: true };
}

/**
 * Runs `work` with the caller's host paths (artifacts and reports are read from the host side of the
 * source mount; the env snapshot is read by the host shell), keeping what it cached on the context.
 */
async function onHost<T>(ctx: ContainerContext, work: (c: ContainerContext) => Promise<T>): Promise<T> {
  const host: ContainerContext = { ...ctx, input: ctx.hostInput };
  try {
    return await work(host);
  } finally {
    if (host.finalEnv) ctx.finalEnv = host.finalEnv;
    if (host.exported) ctx.exported = host.exported;
  }
}

/** `exported-variables` (spec A.15), as local/run-phase.ts collects them. */
async function collectExported(ctx: ContainerContext): Promise<void> {
  const names = ctx.buildspec ? exportableNames(ctx.buildspec.env, ctx.projectSecretNames) : [];
  if (names.length === 0 || !ctx.env) return;
  const env = await finalEnv(ctx);
  ctx.exported = names.map((name) => ({ name, value: env[name] ?? '' }));
}
