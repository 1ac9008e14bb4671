/**
 * What the executor delegates to its caller in UPLOAD_ARTIFACTS (spec A.11, A.12): where artifacts
 * go and where reports are stored depends on who runs the build (S3 / CodePipeline for the server,
 * a local directory for `nagare build`). The executor only supplies the buildspec's blocks, the
 * source directory and the build's final environment (for `$VAR`s in paths).
 */
import type { Artifacts, ReportGroup } from '../buildspec/index.js';
import type { PhaseContext } from './types.js';

export type PhaseOutcome = { ok: true } | { ok: false; context: PhaseContext; fault?: boolean };

export interface UploadContext {
  srcDir: string;
  /** The environment as the last command left it (spec A.12: `$CODEBUILD_SRC_DIR_x` in paths). */
  env: Readonly<Record<string, string>>;
  /** Appends an agent line (`[Container] …`) to the build log; masked like every line. */
  log(message: string): void;
  /** Runs `printf '%s' "<text>"` in the build's shell with its environment (`artifacts.name`, spec A.12). */
  shellEvaluate(text: string): Promise<string>;
}

export interface ArtifactsContext extends UploadContext {
  artifacts: Artifacts;
}

export interface ReportsContext extends UploadContext {
  reports: ReportGroup[];
}

export interface UploadHooks {
  /** Only called when the buildspec has an `artifacts` block. A failure fails UPLOAD_ARTIFACTS. */
  publishArtifacts?(ctx: ArtifactsContext): Promise<PhaseOutcome>;
  /** Only called when the buildspec has `reports`. Report problems never fail the build. */
  collectReports?(ctx: ReportsContext): Promise<void>;
}

/** `$NAME` / `${NAME}` from the build's environment (unset → empty, as the shell does). */
export function expandVariables(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string | undefined, bare: string | undefined) => env[braced ?? bare ?? ''] ?? '');
}
