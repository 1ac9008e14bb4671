/**
 * Pattern validation for V2 triggers, for CreatePipeline/UpdatePipeline: every include/exclude
 * pattern must be a valid Java NIO glob. Returns one diagnostic per bad pattern with its JSON
 * path inside the declaration (e.g. `triggers[0].gitConfiguration.push[1].branches.includes[2]`),
 * so the caller can answer all problems at once. Counts and lengths are the model's job.
 */
import { checkGlob } from './glob.js';
import type { GitFilterCriteria, PipelineTriggerDeclaration } from './trigger-types.js';

export interface TriggerDiagnostic {
  path: string;
  message: string;
}

export function validateTriggerPatterns(triggers: readonly PipelineTriggerDeclaration[]): TriggerDiagnostic[] {
  const out: TriggerDiagnostic[] = [];
  const criteria = (path: string, c: GitFilterCriteria | undefined): void => {
    for (const side of ['includes', 'excludes'] as const) {
      (c?.[side] ?? []).forEach((pattern, i) => {
        const r = checkGlob(pattern);
        if (!r.ok) out.push({ path: `${path}.${side}[${i}]`, message: r.error.message });
      });
    }
  };
  triggers.forEach((t, ti) => {
    const base = `triggers[${ti}].gitConfiguration`;
    (t.gitConfiguration.push ?? []).forEach((f, i) => {
      criteria(`${base}.push[${i}].tags`, f.tags);
      criteria(`${base}.push[${i}].branches`, f.branches);
      criteria(`${base}.push[${i}].filePaths`, f.filePaths);
    });
    (t.gitConfiguration.pullRequest ?? []).forEach((f, i) => {
      criteria(`${base}.pullRequest[${i}].branches`, f.branches);
      criteria(`${base}.pullRequest[${i}].filePaths`, f.filePaths);
    });
  });
  return out;
}
