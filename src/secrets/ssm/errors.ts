import { AppError } from '../../shared/index.js';

/**
 * Parameter Store's domain errors. The code is the AWS error name the SSM provider answers with
 * (stable: tests and services/ssm key off it); the message is AWS's text. Messages never quote a
 * parameter value.
 */
export type SsmErrorCode =
  | 'ParameterNotFound'
  | 'ParameterAlreadyExists'
  | 'ParameterVersionNotFound'
  | 'ParameterMaxVersionLimitExceeded'
  | 'ParameterPatternMismatchException'
  | 'ParameterVersionLabelLimitExceeded'
  | 'HierarchyLevelLimitExceededException'
  | 'HierarchyTypeMismatchException'
  | 'InvalidAllowedPatternException'
  | 'InvalidPolicyTypeException'
  | 'InvalidPolicyAttributeException'
  | 'InvalidFilterKey'
  | 'InvalidFilterOption'
  | 'InvalidFilterValue'
  | 'InvalidNextToken'
  | 'InvalidResourceId'
  | 'InvalidResourceType'
  | 'TooManyTagsError'
  | 'TooManyUpdates'
  | 'AccessDeniedException'
  | 'ValidationException';

export function ssmError(code: SsmErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { fault: 'user', retryable: code === 'TooManyUpdates', details });
}

/** AWS usually sends ParameterNotFound with an empty message (spec E.1). */
export function parameterNotFound(name: string): AppError {
  return ssmError('ParameterNotFound', '', { name });
}

export function versionNotFound(name: string, version: number | string): AppError {
  return ssmError(
    'ParameterVersionNotFound',
    `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`,
    { name, version },
  );
}

export const NAME_RULES_MESSAGE =
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

/** Observed verbatim from the service, backslashes included (aws/aws-sdk-js-v3#5928). */
export const PATH_RULES_MESSAGE =
  'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". ' +
  'It can\'t be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). ' +
  'Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.';
