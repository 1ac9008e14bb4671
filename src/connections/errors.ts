/**
 * Domain errors of connections. Codes are stable; services/codeconnections maps each to the
 * exception both AWS APIs model (ConnectionNotFound → ResourceNotFoundException, …).
 */
import { AppError } from '../shared/index.js';

export type ConnectionsErrorCode =
  | 'ConnectionNotFound'
  | 'HostNotFound'
  | 'ConnectionNameExists'
  | 'ConnectionLimitExceeded'
  | 'TagLimitExceeded'
  | 'InvalidInput'
  | 'InvalidNextToken';

export function connectionsError(code: ConnectionsErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { fault: 'user', details });
}

export function connectionNotFound(arn: string): AppError {
  return connectionsError('ConnectionNotFound', `Connection ${arn} not found. Verify the connection resource ARN and try again.`, { arn });
}
