import { AppError } from '../../shared/index.js';

/**
 * Secrets Manager's domain errors: the code is the AWS error name services/secretsmanager answers
 * with; the message is AWS's text. Messages never contain secret values.
 */
export type SmErrorCode =
  | 'ResourceNotFoundException'
  | 'ResourceExistsException'
  | 'InvalidRequestException'
  | 'InvalidParameterException'
  | 'InvalidNextTokenException'
  | 'LimitExceededException'
  | 'ValidationException';

export function smError(code: SmErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { fault: 'user', details });
}

export function secretNotFound(): AppError {
  return smError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
}

export function markedForDeletion(): AppError {
  return smError('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion.");
}

export const INVALID_NAME_MESSAGE = 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!';
