/**
 * The work behind each RUN_PHASE command of the state machine, for the local executor.
 * SUBMITTED/QUEUED/PROVISIONING have nothing to wait for locally; FINALIZING freezes the exported
 * variables and kills whatever the build left running.
 */
import type { BuildPhaseType } from '../status.js';
import { isBuildspecPhase } from '../status.js';
import type { PhaseOutcome } from '../hooks.js';
import { exportableNames } from '../compose-env.js';
import type { RunContext } from './context.js';
import { downloadSource } from './download-source.js';
import { runBuildspecPhase } from './run-buildspec-phase.js';
import { finalEnv, uploadArtifacts } from './upload-artifacts.js';

export async function runPhase(ctx: RunContext, phaseType: BuildPhaseType, succeeding: boolean): Promise<PhaseOutcome> {
  if (isBuildspecPhase(phaseType)) {
    const planned = ctx.plan?.phases.find((p) => p.phaseType === phaseType);
    return planned ? runBuildspecPhase(ctx, planned, succeeding) : { ok: true };
  }
  switch (phaseType) {
    case 'PROVISIONING':
      ctx.log.agent('Waiting for agent ping');
      ctx.log.agent('Waiting for DOWNLOAD_SOURCE');
      return { ok: true };
    case 'DOWNLOAD_SOURCE':
      return downloadSource(ctx);
    case 'UPLOAD_ARTIFACTS':
      return uploadArtifacts(ctx);
    case 'FINALIZING':
      await collectExported(ctx);
      await ctx.groups.terminateAll(ctx.graceMs);
      return { ok: true };
    default:
      return { ok: true };
  }
}

/** `exported-variables` (spec A.15); a listed but never-set name exports '' (spec: unverified). */
async function collectExported(ctx: RunContext): Promise<void> {
  const names = ctx.buildspec ? exportableNames(ctx.buildspec.env, ctx.projectSecretNames) : [];
  if (names.length === 0 || !ctx.env) return;
  const env = await finalEnv(ctx);
  ctx.exported = names.map((name) => ({ name, value: env[name] ?? '' }));
}
