/**
 * What the phases of one local build share. Filled progressively: DOWNLOAD_SOURCE sets the
 * buildspec, plan, environment and shell; the first phase after the buildspec phases reads the
 * final environment once (exported variables are frozen after POST_BUILD, spec A.5).
 */
import { join } from 'node:path';
import type { Buildspec, BuildPlan, Diagnostic } from '../../buildspec/index.js';
import type { Masker } from '../masker.js';
import type { ExportedEnvironmentVariable } from '../types.js';
import type { BuildLog } from './build-log.js';
import type { ProcessGroups } from './process-groups.js';
import type { StateFiles } from './shell-script.js';
import type { LocalBuildInput } from './types.js';

export interface RunContext {
  input: LocalBuildInput;
  log: BuildLog;
  masker: Masker;
  groups: ProcessGroups;
  /** Aborted on timeout or StopBuild. */
  interrupt: AbortSignal;
  graceMs: number;
  files: StateFiles;
  diagnostics: Diagnostic[];
  buildspec?: Buildspec;
  plan?: BuildPlan;
  /** The composed build environment (spec A.5); set once DOWNLOAD_SOURCE succeeded. */
  env?: Record<string, string>;
  projectSecretNames: string[];
  shell: string;
  /** Commands run so far (each gets its own `cmd-N/script.sh`). */
  commandCount: number;
  /** Whether the source tree was already opened to a run-as user. */
  sourceGranted: boolean;
  finalEnv?: Record<string, string>;
  exported?: ExportedEnvironmentVariable[];
}

export function stateFiles(scratchDir: string): StateFiles {
  return { envFile: join(scratchDir, 'env.sh'), dirFile: join(scratchDir, 'dir.txt') };
}
