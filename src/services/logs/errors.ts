import { AwsError } from '../../aws/index.js';
import { isAppError } from '../../shared/index.js';

/**
 * Logs domain AppErrors → CloudWatch Logs' AWS errors. Domain messages are already AWS's texts.
 * DeletionProtected answers ValidationException: the error AWS added to DeleteLogGroup together
 * with deletion protection (its exact message is not documented; ours names the fix).
 */
const CODES: Readonly<Record<string, string>> = {
  LogGroupNotFound: 'ResourceNotFoundException',
  LogStreamNotFound: 'ResourceNotFoundException',
  LogGroupAlreadyExists: 'ResourceAlreadyExistsException',
  LogStreamAlreadyExists: 'ResourceAlreadyExistsException',
  InvalidParameter: 'InvalidParameterException',
  InvalidNextToken: 'InvalidParameterException',
  InvalidFilterPattern: 'InvalidParameterException',
  TooManyTags: 'TooManyTagsException',
  DeletionProtected: 'ValidationException',
  OperationAborted: 'OperationAbortedException',
};

export function toLogsAwsError(err: unknown): unknown {
  if (!isAppError(err)) return err;
  const code = CODES[err.code];
  if (code !== undefined) return new AwsError(code, err.message, 400);
  if (err.fault === 'user') return new AwsError('InvalidParameterException', err.message, 400);
  return err;
}
