/**
 * Input and result of the local executor: one build, run with the host's shell in a workspace
 * directory the caller prepared, exactly as the CodeBuild agent runs it (spec A.8–A.10, A.14).
 */
import type { Clock } from '../../../shared/index.js';
import type { Buildspec, Diagnostic } from '../../buildspec/index.js';
import type { BuildState } from '../decide.js';
import type { UploadHooks } from '../hooks.js';
import type { SecretResolvers } from '../resolvers.js';
import type { BuildOutcome, EnvironmentVariable } from '../types.js';

/** Where the buildspec comes from: a file in the source (default `buildspec.yml`) or inline text. */
export type BuildspecSource = { path: string } | { inline: string; location: string };

export interface LocalBuildInput {
  buildspec: BuildspecSource;
  /** `$CODEBUILD_SRC_DIR`: the first command starts here; artifact paths are relative to it. */
  srcDir: string;
  /** A private, empty, caller-owned directory for the agent's scripts and env snapshots (they hold secrets). */
  scratchDir: string;
  /** The explicit minimal environment the build starts from: PATH, HOME, LANG. Never the server's env. */
  baseEnv: Record<string, string>;
  /** CodeBuild's variables (see `codebuildEnvironment`, spec A.14). */
  systemEnv: Record<string, string>;
  /** Project `environment.environmentVariables`. */
  projectEnv?: EnvironmentVariable[];
  /** StartBuild `environmentVariablesOverride` (highest precedence, spec A.5). */
  overrideEnv?: EnvironmentVariable[];
  resolvers?: SecretResolvers;
  /** More values to mask (AWS secret keys handed to the build). */
  maskValues?: string[];
  /** Build timeout, already divided by the time scale. */
  timeoutMinutes: number;
  /** Aborting it stops the build (StopBuild): phase and build end STOPPED. */
  signal?: AbortSignal;
  clock: Clock;
  /** Receives log lines in order; a returned promise pauses the build's output until it settles. */
  onLog(lines: string[]): void | Promise<void>;
  /** Called with the state after every transition (progress display). */
  onProgress?(state: BuildState): void;
  hooks?: UploadHooks;
  /** SIGTERM → SIGKILL grace when killing process groups (default 3000 ms). */
  killGraceMs?: number;
}

export interface LocalBuildResult extends BuildOutcome {
  /** The parsed buildspec, when DOWNLOAD_SOURCE got that far. */
  buildspec?: Buildspec;
  /** Parser findings (warnings when the build ran; the errors behind a YAML_FILE_ERROR otherwise). */
  diagnostics: Diagnostic[];
}
