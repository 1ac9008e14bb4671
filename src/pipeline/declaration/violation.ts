/**
 * A semantic rule a pipeline declaration breaks. `code` is the AWS exception name CreatePipeline /
 * UpdatePipeline answers with (services/codepipeline maps it 1:1 to the wire `__type`); `message`
 * is the text AWS gives where we found it, otherwise our own in AWS's style. `rule` is a stable id
 * for tests and docs/compatibility; it never reaches the wire.
 */
export type ViolationCode =
  | 'InvalidStructureException'
  | 'InvalidStageDeclarationException'
  | 'InvalidActionDeclarationException'
  | 'InvalidBlockerDeclarationException'
  | 'ValidationException';

export interface PipelineViolation {
  code: ViolationCode;
  rule: string;
  message: string;
}

export function violation(code: ViolationCode, rule: string, message: string): PipelineViolation {
  return { code, rule, message };
}

/** Format an action type id the way AWS prints it in "is not available" errors. */
export function describeActionType(id: { category: string; owner: string; provider: string; version: string }): string {
  return `ActionType (Category: '${id.category}', Provider: '${id.provider}', Owner: '${id.owner}', Version: '${id.version}')`;
}
