/**
 * Build records in the shapes BatchGetBuilds returns (spec A.10 "phases[] entries", B.3 `Build`).
 * Timestamps are Dates here; the wire format (epoch seconds) is the service layer's business.
 */
import type { BuildPhaseType, StatusType, TerminalStatus } from './status.js';

/** `[CBM PhaseContext]`. Successful phases carry one `{ statusCode: '', message: '' }` (Surprise 12). */
export interface PhaseContext {
  statusCode: string;
  message: string;
}

/**
 * `[CBM BuildPhase]`. The running phase has only `phaseType` + `startTime`; COMPLETED keeps only
 * those two for good; SUBMITTED/QUEUED never get `contexts`; skipped phases are absent (spec A.10).
 */
export interface BuildPhase {
  phaseType: BuildPhaseType;
  phaseStatus?: StatusType;
  startTime: Date;
  endTime?: Date;
  /** Whole seconds, truncated (AWS: 4.452 s → 4). */
  durationInSeconds?: number;
  contexts?: PhaseContext[];
}

/** `[CBM ExportedEnvironmentVariable]` (spec A.15). */
export interface ExportedEnvironmentVariable {
  name: string;
  value: string;
}

/** `[CBM EnvironmentVariable]`: project variables and StartBuild overrides (spec A.5). */
export interface EnvironmentVariable {
  name: string;
  value: string;
  type?: 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';
}

/** The outcome of one build, as BatchGetBuilds would show it once `buildComplete` is true. */
export interface BuildOutcome {
  buildStatus: TerminalStatus;
  currentPhase: 'COMPLETED';
  buildComplete: true;
  startTime: Date;
  endTime: Date;
  phases: BuildPhase[];
  /** Absent when the buildspec lists none (real responses omit null members, spec B.3). */
  exportedEnvironmentVariables?: ExportedEnvironmentVariable[];
}
