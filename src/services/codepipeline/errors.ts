import { AwsError } from '../../aws/index.js';
import { isAppError } from '../../shared/index.js';

/**
 * Domain AppErrors → CodePipeline's exceptions (spec D.1, D.6: all HTTP 400, `{"__type","message"}`).
 * The pipeline module's codes ARE the exception names, so they pass through; the trigger layer's
 * own codes are renamed; any other user error is a ValidationException. System faults stay errors
 * (the gateway answers 500 and logs them).
 */
const RENAMED: Record<string, string> = {
  InvalidWebhookFilterPattern: 'InvalidWebhookFilterPatternException',
  InvalidWebhookAuthenticationParameters: 'InvalidWebhookAuthenticationParametersException',
  InvalidGlobPattern: 'ValidationException',
};

export function toCodePipelineAwsError(err: unknown): unknown {
  if (!isAppError(err)) return err;
  const renamed = RENAMED[err.code];
  if (renamed) return new AwsError(renamed, err.message, 400);
  if (/^[A-Z][A-Za-z]+Exception$/.test(err.code)) return new AwsError(err.code, err.message, 400);
  if (err.fault === 'user') return new AwsError('ValidationException', err.message, 400);
  return err;
}
