/**
 * Artifact stores (spec C.1): exactly one of `artifactStore` / `artifactStores`; a cross-region
 * action needs `artifactStores`, which must hold the pipeline's region and every action region.
 * Both region messages were observed from CreatePipeline as ValidationException.
 */
import type { ActionPosition } from './positions.js';
import type { PipelineDeclaration } from './types.js';
import { type PipelineViolation, violation } from './violation.js';

export function* storeViolations(pipeline: PipelineDeclaration, positions: ActionPosition[], region: string): Generator<PipelineViolation> {
  const single = pipeline.artifactStore !== undefined;
  const multi = pipeline.artifactStores !== undefined;
  if (single === multi) {
    yield violation('ValidationException', 'artifact-store-exactly-one',
      'You must include either artifactStore or artifactStores in your pipeline, but you cannot use both.');
    return;
  }
  const regions = new Set([region, ...positions.map((p) => p.action.region ?? region)]);
  if (single) {
    if (regions.size > 1) {
      yield violation('ValidationException', 'artifact-stores-cross-region',
        "Your pipeline contains actions in more than one region. Use 'pipeline.artifactStores' instead of 'pipeline.artifactStore' " +
        'to declare an artifact store, such as an artifact bucket, for each region where you have an action.');
    }
    return;
  }
  const missing = [...regions].filter((r) => pipeline.artifactStores?.[r] === undefined);
  if (missing.length > 0) {
    const which = missing.length === 1 ? 'region is' : 'regions are';
    yield violation('ValidationException', 'artifact-stores-region-missing',
      'Your pipeline must have an artifact store, such as an artifact bucket, for each region where you have an action. ' +
      `The following ${which} missing in 'pipeline.artifactStores': ${missing.join(', ')}.`);
  }
}
