/**
 * UPLOAD_ARTIFACTS (spec A.11, A.12): reports first (they are produced even for a failed build,
 * Surprise 37), then artifacts through the caller's hooks. Paths are relative to
 * `$CODEBUILD_SRC_DIR`, never to the last `cd` (Surprise 8). Without an `artifacts` block there is
 * nothing to upload and the phase succeeds.
 */
import type { PhaseOutcome, UploadContext } from '../hooks.js';
import type { RunContext } from './context.js';
import { readFinalEnv, shellEvaluate } from './final-env.js';

export async function uploadArtifacts(ctx: RunContext): Promise<PhaseOutcome> {
  const hooks = ctx.input.hooks;
  const buildspec = ctx.buildspec;
  const wantsReports = buildspec !== undefined && buildspec.reports.length > 0 && hooks?.collectReports !== undefined;
  const wantsArtifacts = buildspec?.artifacts !== undefined && hooks?.publishArtifacts !== undefined;
  if (!buildspec || (!wantsReports && !wantsArtifacts)) return { ok: true };
  const env = await finalEnv(ctx);
  const base: UploadContext = {
    srcDir: ctx.input.srcDir,
    env,
    log: (message) => ctx.log.agent(message),
    shellEvaluate: (text) => shellEvaluate(ctx, env, text),
  };
  if (buildspec.reports.length > 0 && hooks?.collectReports) await hooks.collectReports({ ...base, reports: buildspec.reports });
  if (!buildspec.artifacts || !hooks?.publishArtifacts) return { ok: true };
  return hooks.publishArtifacts({ ...base, artifacts: buildspec.artifacts });
}

/** Read once, after the last buildspec phase: later phases see the frozen values (spec A.5). */
export async function finalEnv(ctx: RunContext): Promise<Record<string, string>> {
  ctx.finalEnv ??= await readFinalEnv(ctx);
  return ctx.finalEnv;
}
