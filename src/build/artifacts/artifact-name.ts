/**
 * The artifact's name (spec A.12 `name`, "Surprises" 10): the buildspec name counts only when the
 * project (or StartBuild's override) sets `overrideArtifactName`, and it is evaluated with shell
 * syntax at build time (`myname-$(date +%Y-%m-%d)`, `$AWS_REGION-...`; `/` makes folders).
 * Otherwise the project's `artifacts.name`, then the project name (the console's default).
 * The caller owns the shell: `resolveShellVars` runs the text in the build's environment.
 */
import type { ArtifactSpec } from '../buildspec/index.js';

export interface ArtifactNameOptions {
  overrideArtifactName: boolean;
  projectName: string;
  /** `ProjectArtifacts.name` (or the secondary artifact's), when the project sets one. */
  projectArtifactName?: string;
  /** Evaluates shell syntax (`$VAR`, `$(cmd)`, backquotes) in the build's environment. */
  resolveShellVars: (text: string) => string;
}

export function artifactName(spec: Pick<ArtifactSpec, 'name'>, options: ArtifactNameOptions): string {
  const fallback = options.projectArtifactName || options.projectName;
  const written = spec.name?.trim();
  if (!options.overrideArtifactName || !written) return fallback;
  // Command substitution drops trailing newlines; do the same whatever the resolver returns.
  const name = needsShell(written) ? options.resolveShellVars(written).replace(/\n+$/u, '') : written;
  return name.trim() || fallback;
}

function needsShell(text: string): boolean {
  return /[$`]/u.test(text);
}
