import { AwsError } from '../../aws/index.js';
import { isAppError } from '../../shared/index.js';

/**
 * Domain AppErrors → CodeBuild's modeled exceptions (spec B.1: all HTTP 400, `{"__type","message"}`).
 * Messages pass through: the domain already writes AWS's wording where it is known.
 */
const CODES: Record<string, string> = {
  InvalidInput: 'InvalidInputException',
  ProjectNotFound: 'ResourceNotFoundException',
  BuildNotFound: 'ResourceNotFoundException',
  ProjectAlreadyExists: 'ResourceAlreadyExistsException',
  AccountLimitExceeded: 'AccountLimitExceededException',
  ReportGroupNotFound: 'ResourceNotFoundException',
  ReportGroupAlreadyExists: 'ResourceAlreadyExistsException',
  ReportNotFound: 'ResourceNotFoundException',
};

export function toCodeBuildAwsError(err: unknown): unknown {
  if (!isAppError(err)) return err;
  const code = CODES[err.code];
  if (code) return new AwsError(code, err.message, 400);
  if (err.fault === 'user') return new AwsError('InvalidInputException', err.message, 400);
  return err;
}
