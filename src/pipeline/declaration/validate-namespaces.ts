/**
 * Spec C.2 rule 8 / C.4: action namespaces are unique in the pipeline and distinct from artifact
 * names; every `#{ns.key}` reference in an action's configuration, commands or environment
 * variables names `codepipeline`, `variables` (then `key` must be a declared pipeline variable), or
 * the namespace of an action that runs before this one (same ordering as artifacts). Keys of
 * action namespaces are not checked here: an action's output variables exist only at run time, so
 * a missing key fails the consuming action when it starts (variables.ts resolveConfiguration).
 */
import { type ActionPosition, runsBefore, where } from './positions.js';
import type { ActionDeclaration, PipelineDeclaration } from './types.js';
import { CODEPIPELINE_NAMESPACE, parseReferences, PIPELINE_VARIABLES_NAMESPACE, type VariableReference } from './variables.js';
import { type PipelineViolation, violation } from './violation.js';

/** Every string of an action in which CodePipeline substitutes variables. */
function referencesIn(action: ActionDeclaration): VariableReference[] {
  const texts = [
    ...Object.values(action.configuration ?? {}),
    ...(action.commands ?? []),
    ...(action.environmentVariables ?? []).map((e) => e.value),
  ];
  return texts.flatMap(parseReferences);
}

export function* namespaceViolations(pipeline: PipelineDeclaration, positions: ActionPosition[]): Generator<PipelineViolation> {
  const owners = new Map<string, ActionPosition>();
  const artifacts = new Set(positions.flatMap((p) => (p.action.outputArtifacts ?? []).map((o) => o.name)));
  for (const p of positions) {
    const ns = p.action.namespace;
    if (ns === undefined) continue;
    if (owners.has(ns)) {
      yield violation('InvalidStructureException', 'namespace-unique',
        `Namespace '${ns}' is used by more than one action. Every namespace in the pipeline must be unique`);
    } else {
      owners.set(ns, p);
    }
    if (artifacts.has(ns)) {
      yield violation('InvalidStructureException', 'namespace-artifact-collision',
        `Namespace '${ns}' of ${where(p)} has the same name as an output artifact. Namespaces and artifact names must be different`);
    }
  }
  const variables = new Set((pipeline.variables ?? []).map((v) => v.name));
  for (const p of positions) {
    for (const ref of referencesIn(p.action)) {
      if (ref.namespace === CODEPIPELINE_NAMESPACE) continue;
      if (ref.namespace === PIPELINE_VARIABLES_NAMESPACE) {
        if (!variables.has(ref.key)) {
          yield violation('InvalidActionDeclarationException', 'variable-reference-undeclared',
            `The configuration of ${where(p)} references '${ref.text}', but the pipeline declares no variable named '${ref.key}'`);
        }
        continue;
      }
      const owner = owners.get(ref.namespace);
      if (owner === undefined || !runsBefore(owner, p)) {
        yield violation('InvalidActionDeclarationException', 'variable-reference-namespace',
          `The configuration of ${where(p)} references '${ref.text}', but no action that runs before it declares the namespace '${ref.namespace}'. ` +
          'A namespace can be referenced only by actions in a later stage, or with a higher runOrder in the same stage');
      }
    }
  }
}
