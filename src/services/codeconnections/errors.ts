import { AwsError } from '../../aws/index.js';
import { isAppError } from '../../shared/index.js';

/**
 * Domain AppErrors (src/connections) → the exceptions both connection APIs model (HTTP 400,
 * `{"__type","Message"}`). A duplicate name and malformed input are not modeled for
 * CreateConnection/ListConnections; they answer ResourceAlreadyExistsException (a shape of the
 * same models) and ValidationException.
 */
const CODES: Record<string, string> = {
  ConnectionNotFound: 'ResourceNotFoundException',
  HostNotFound: 'ResourceNotFoundException',
  ConnectionLimitExceeded: 'LimitExceededException',
  TagLimitExceeded: 'LimitExceededException',
  ConnectionNameExists: 'ResourceAlreadyExistsException',
  InvalidInput: 'ValidationException',
  InvalidNextToken: 'ValidationException',
};

export function toConnectionsAwsError(err: unknown): unknown {
  if (!isAppError(err)) return err;
  const code = CODES[err.code];
  if (code) return new AwsError(code, err.message, 400);
  return err;
}
