/**
 * Service-managed defaults filled on CreatePipeline / UpdatePipeline before storing (spec C.1, C.3):
 *
 * - `version`: 1 on create, previous + 1 on update; whatever the client sent is ignored.
 * - `runOrder`: 1 when omitted (GetPipeline shows it on every action).
 * - `executionMode`: SUPERSEDED when omitted (model doc: "The default mode is SUPERSEDED").
 * - `pipelineType`: V1 when omitted on create; kept from the stored version on update. Why V1: the
 *   API model documents no default and the console's V2 default is a console choice; CloudFormation
 *   treats an absent PipelineType as V1, and probes of CreatePipeline (badmintoncryer/cdk-preflight,
 *   2026) show a declaration without V2 type that uses triggers/variables/QUEUED being *rejected*
 *   ("... can only be used with V2 pipelines"), which only happens if the omitted type is V1. So an
 *   AWS CLI user who omits it today gets V1, and validation must run after these defaults.
 * - Action `configuration` is stored exactly as given: `PollForSourceChanges` is NOT injected (AWS
 *   echoes the configuration as sent; the polling default applies at run time, spec C.7).
 */
import type { PipelineDeclaration } from './types.js';

export interface DefaultsOptions {
  /** The currently stored declaration on UpdatePipeline; undefined on CreatePipeline. */
  previous?: PipelineDeclaration;
}

export function applyDefaults(pipeline: PipelineDeclaration, options: DefaultsOptions = {}): PipelineDeclaration {
  const { previous } = options;
  return {
    ...pipeline,
    version: previous === undefined ? 1 : (previous.version ?? 1) + 1,
    executionMode: pipeline.executionMode ?? 'SUPERSEDED',
    pipelineType: pipeline.pipelineType ?? previous?.pipelineType ?? 'V1',
    stages: pipeline.stages.map((stage) => ({
      ...stage,
      actions: stage.actions.map((action) => ({ ...action, runOrder: action.runOrder ?? 1 })),
    })),
  };
}
