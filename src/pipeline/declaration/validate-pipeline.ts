/**
 * Semantic validation of a PipelineDeclaration for CreatePipeline / UpdatePipeline. The gateway has
 * already checked shapes, required members, lengths, patterns and enums against the model; this
 * adds the rules of spec C.2. Pure: no I/O, the input is not modified.
 *
 * Order matters, because the API answers with the first violation: structure (stage counts, source
 * placement, names) → V2-only features → each action in declaration order → artifact flow →
 * namespaces and variable references → artifact stores → triggers. Structure before action types
 * was observed (a Build-category GitHub action in the first stage got the "should start with a
 * stage that only contains source actions" error, not an action-type error); the rest of the order
 * is ours.
 *
 * Rule → exception (O = message observed from AWS; source in brackets. Others: our wording, unverified)
 *  stage-count-min               InvalidStructureException          O [moto tests; CFN stack events in public READMEs]
 *  stage-count-max               InvalidStructureException          O [badmintoncryer/cdk-preflight api-probe]
 *  stage-name-unique             InvalidStageDeclarationException   O [cdk-preflight bench]
 *  stage-actions-min/-max        InvalidStageDeclarationException
 *  action-name-unique            InvalidStageDeclarationException
 *  blockers-reserved             InvalidBlockerDeclarationException (model: "Reserved for future use")
 *  pipeline-actions-max          InvalidStructureException
 *  first-stage-source-only       InvalidStructureException          O [CFN events quoted in public repos]
 *  source-first-stage-only       InvalidStructureException          O [cdk-preflight]
 *  non-source-action-required    InvalidStructureException          O [cdk-preflight]
 *  v2-variables / v2-triggers / v2-execution-mode  InvalidStructureException  O [cdk-preflight bench]
 *  v2-stage-conditions           InvalidStageDeclarationException   O [cdk-preflight]
 *  on-failure-result-xor-conditions, parallel-no-rollback  InvalidStageDeclarationException  O [cdk-preflight]
 *  variable-name-unique          InvalidStructureException          O [cdk-preflight]
 *  compute-fields                InvalidActionDeclarationException  O message [aws/aws-cdk#38843]; code ours
 *  v2-provider                   InvalidActionDeclarationException  O [cdk-preflight api-probe]
 *  cross-region-not-allowed      InvalidActionDeclarationException
 *  namespace-reserved            InvalidActionDeclarationException
 *  action-type-unknown           InvalidActionDeclarationException  O [terraform/CDK error logs in public repos]
 *  configuration-required        InvalidActionDeclarationException  O [public terraform README; cdk-preflight probe]
 *  configuration-unknown         InvalidActionDeclarationException  (message shape unverified)
 *  configuration-size            ValidationException                (the gateway normally answers first)
 *  input-/output-artifacts-min   InvalidActionDeclarationException  O [awsdocs/aws-cloudformation-user-guide#941]
 *  input-/output-artifacts-max   InvalidActionDeclarationException  (mirror of the observed min message)
 *  output-artifact-unique        InvalidStructureException
 *  input-artifact-produced-before InvalidStructureException
 *  codebuild-primary-source, configuration-names-input-artifact, s3-deploy-object-key  InvalidActionDeclarationException
 *  namespace-unique, namespace-artifact-collision  InvalidStructureException
 *  variable-reference-namespace, variable-reference-undeclared  InvalidActionDeclarationException
 *  artifact-store-exactly-one    ValidationException                (model doc wording)
 *  artifact-stores-cross-region, artifact-stores-region-missing  ValidationException  O [cdk-preflight api-probe]
 *  trigger-source-action         InvalidStructureException          O [cdk-preflight]
 *  trigger-one-per-source, trigger-filter-required  InvalidStructureException
 *  secret-placeholder-new-action InvalidActionDeclarationException  O [README of nhsconnect/prm-infra mirror, quoting the AWS error] (secrets.ts)
 */
import { actionPositions } from './positions.js';
import type { PipelineDeclaration } from './types.js';
import { actionViolations } from './validate-action.js';
import { artifactViolations } from './validate-artifacts.js';
import { featureViolations, triggerViolations } from './validate-features.js';
import { namespaceViolations } from './validate-namespaces.js';
import { storeViolations } from './validate-stores.js';
import { structureViolations } from './validate-structure.js';
import type { PipelineViolation } from './violation.js';

export interface ValidateOptions {
  /** The region the pipeline lives in (from the request's SigV4 scope). */
  region: string;
}

/** Every violation, in the order the API would report them. */
export function* pipelineViolations(pipeline: PipelineDeclaration, options: ValidateOptions): Generator<PipelineViolation> {
  const positions = actionPositions(pipeline);
  yield* structureViolations(pipeline, positions);
  yield* featureViolations(pipeline);
  const ctx = { region: options.region, pipelineType: pipeline.pipelineType ?? 'V1' } as const;
  for (const p of positions) yield* actionViolations(p, ctx);
  yield* artifactViolations(positions);
  yield* namespaceViolations(pipeline, positions);
  yield* storeViolations(pipeline, positions, options.region);
  yield* triggerViolations(pipeline, positions);
}

/** The violation CreatePipeline / UpdatePipeline answers with, or undefined when the declaration is valid. */
export function validatePipeline(pipeline: PipelineDeclaration, options: ValidateOptions): PipelineViolation | undefined {
  for (const v of pipelineViolations(pipeline, options)) return v;
  return undefined;
}

/** All violations (for diagnostics such as a CLI lint command). */
export function listPipelineViolations(pipeline: PipelineDeclaration, options: ValidateOptions): PipelineViolation[] {
  return [...pipelineViolations(pipeline, options)];
}
