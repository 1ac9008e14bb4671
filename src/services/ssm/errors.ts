import { AwsError } from '../../aws/index.js';
import { isAppError } from '../../shared/index.js';

/**
 * Domain AppErrors → SSM's AWS errors. Parameter Store's domain codes are already AWS error names;
 * anything else that is a user fault becomes ValidationException. A stored value that cannot be
 * decrypted (wrong master key, tampering) is a server fault: InternalServerError, message without
 * detail (the detail is in the server log).
 */
const SSM_CODES = new Set([
  'ParameterNotFound',
  'ParameterAlreadyExists',
  'ParameterVersionNotFound',
  'ParameterMaxVersionLimitExceeded',
  'ParameterPatternMismatchException',
  'ParameterVersionLabelLimitExceeded',
  'HierarchyLevelLimitExceededException',
  'HierarchyTypeMismatchException',
  'InvalidAllowedPatternException',
  'InvalidPolicyTypeException',
  'InvalidPolicyAttributeException',
  'InvalidFilterKey',
  'InvalidFilterOption',
  'InvalidFilterValue',
  'InvalidNextToken',
  'InvalidResourceId',
  'InvalidResourceType',
  'TooManyTagsError',
  'TooManyUpdates',
  'AccessDeniedException',
  'ValidationException',
]);

export function toSsmAwsError(err: unknown): unknown {
  if (!isAppError(err)) return err;
  if (SSM_CODES.has(err.code)) return new AwsError(err.code, err.message, 400);
  if (err.code === 'DecryptionFailed') {
    return new AwsError('InternalServerError', 'A stored SecureString value could not be decrypted; see the nagare server log.', 500);
  }
  if (err.fault === 'user') return new AwsError('ValidationException', err.message, 400);
  return err;
}
