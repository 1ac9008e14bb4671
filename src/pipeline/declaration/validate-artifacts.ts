/**
 * Spec C.2 rules 4–5 and the provider rules that name artifacts: output artifact names are unique
 * in the pipeline; every input artifact is the output of an action that runs before (positions.ts);
 * configuration values that name an input artifact (CodeBuild PrimarySource, CodeDeployToECS
 * *Artifact keys) must name one of the action's inputs.
 */
import { type ActionPosition, runsBefore, where } from './positions.js';
import { type PipelineViolation, violation } from './violation.js';

export function* artifactViolations(positions: ActionPosition[]): Generator<PipelineViolation> {
  const producers = new Map<string, ActionPosition>();
  for (const p of positions) {
    for (const output of p.action.outputArtifacts ?? []) {
      if (producers.has(output.name)) {
        yield violation('InvalidStructureException', 'output-artifact-unique',
          `Output artifact name '${output.name}' is used more than once. Every output artifact in the pipeline must have a unique name`);
      } else {
        producers.set(output.name, p);
      }
    }
  }
  for (const p of positions) {
    for (const input of p.action.inputArtifacts ?? []) {
      const producer = producers.get(input.name);
      if (producer === undefined || !runsBefore(producer, p)) {
        yield violation('InvalidStructureException', 'input-artifact-produced-before',
          `Input artifact '${input.name}' of ${where(p)} is not the output of an action that runs before it. ` +
          'An input artifact must be an output artifact of an action in an earlier stage, or of an action with a lower runOrder in the same stage');
      }
    }
    yield* namedArtifactViolations(p);
  }
}

/** Configuration keys whose value must be one of the action's input artifact names. */
function artifactNamingKeys(provider: string): string[] {
  if (provider === 'CodeBuild') return ['PrimarySource'];
  if (provider === 'CodeDeployToECS') {
    return ['TaskDefinitionTemplateArtifact', 'AppSpecTemplateArtifact', ...[1, 2, 3, 4].map((n) => `Image${n}ArtifactName`)];
  }
  return [];
}

function* namedArtifactViolations(p: ActionPosition): Generator<PipelineViolation> {
  const { action } = p;
  const configuration = action.configuration ?? {};
  const inputs = new Set((action.inputArtifacts ?? []).map((i) => i.name));
  const provider = action.actionTypeId.provider;
  if (provider === 'CodeBuild' && inputs.size > 1 && configuration['PrimarySource'] === undefined) {
    yield violation('InvalidActionDeclarationException', 'codebuild-primary-source',
      `Action configuration for action '${action.name}' is missing required configuration 'PrimarySource'. It is required when the action has more than one input artifact`);
  }
  for (const key of artifactNamingKeys(provider)) {
    const value = configuration[key];
    if (value !== undefined && !inputs.has(value)) {
      yield violation('InvalidActionDeclarationException', 'configuration-names-input-artifact',
        `Action configuration for action '${action.name}': '${key}' is '${value}', which is not an input artifact of the action`);
    }
  }
  if (provider === 'S3' && action.actionTypeId.category === 'Deploy' &&
      configuration['Extract']?.toLowerCase() === 'false' && configuration['ObjectKey'] === undefined) {
    yield violation('InvalidActionDeclarationException', 's3-deploy-object-key',
      `Action configuration for action '${action.name}' is missing required configuration 'ObjectKey'. It is required when Extract is false`);
  }
}
