/**
 * The phase plan the executor walks. CodeBuild enters and reports all four buildspec phases even
 * when the file declares only some (spec A.8, Surprise 5), so the plan always has four entries, in
 * the fixed order, each with its effective user (phase `run-as` over top-level, spec A.4).
 */
import { PHASE_ORDER, PHASE_TYPE } from './types.js';
import type { Buildspec, OnFailure, PhaseName } from './types.js';

export interface PlannedPhase {
  name: PhaseName;
  phaseType: (typeof PHASE_TYPE)[PhaseName];
  declared: boolean;
  commands: string[];
  finally: string[];
  /** undefined = root (spec A.4). */
  runAs?: string;
  onFailure?: OnFailure;
  runtimeVersions?: Record<string, string>;
}

export interface BuildPlan {
  /** Runs each command in a fresh shell (0.1) or carries cwd and variables over (0.2), spec A.9. */
  isolatedCommands: boolean;
  phases: PlannedPhase[];
  /** The DOWNLOAD_SOURCE log lines `Phases found in YAML: N` / ` BUILD: 7 commands` (spec A.1, observed). */
  summary: string[];
}

export function planBuild(buildspec: Buildspec): BuildPlan {
  const phases = PHASE_ORDER.map((name): PlannedPhase => {
    const declared = buildspec.phases.find((p) => p.name === name);
    const runAs = declared?.runAs ?? buildspec.runAs;
    return {
      name,
      phaseType: PHASE_TYPE[name],
      declared: declared !== undefined,
      commands: declared?.commands ?? [],
      finally: declared?.finally ?? [],
      ...(runAs !== undefined ? { runAs } : {}),
      ...(declared?.onFailure ? { onFailure: declared.onFailure } : {}),
      ...(declared?.runtimeVersions ? { runtimeVersions: declared.runtimeVersions } : {}),
    };
  });
  // A real log printed BUILD before PRE_BUILD (the agent iterates a Go map, so AWS's order is
  // arbitrary); execution order is the stable choice.
  const summary = [
    `Phases found in YAML: ${buildspec.phases.length}`,
    ...buildspec.phases.map((p) => ` ${PHASE_TYPE[p.name]}: ${p.commands.length} commands`),
  ];
  return { isolatedCommands: buildspec.version === '0.1', phases, summary };
}
