import { AwsError } from '../../aws/index.js';
import { isAppError } from '../../shared/index.js';

/**
 * Domain AppErrors → Secrets Manager's AWS errors (all HTTP 400, as the service answers). The
 * domain's codes are AWS error names already; a value that cannot be decrypted is AWS's
 * DecryptionFailure.
 */
const SM_CODES = new Set([
  'ResourceNotFoundException',
  'ResourceExistsException',
  'InvalidRequestException',
  'InvalidParameterException',
  'InvalidNextTokenException',
  'LimitExceededException',
  'ValidationException',
]);

export function toSmAwsError(err: unknown): unknown {
  if (!isAppError(err)) return err;
  if (SM_CODES.has(err.code)) return new AwsError(err.code, err.message, 400);
  if (err.code === 'DecryptionFailed') {
    return new AwsError('DecryptionFailure', "Secrets Manager can't decrypt the protected secret text using the provided KMS key.", 400);
  }
  if (err.fault === 'user') return new AwsError('InvalidParameterException', err.message, 400);
  return err;
}
