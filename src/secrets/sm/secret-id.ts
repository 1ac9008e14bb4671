import { formatArn, parseArn, randomAlnum } from '../../shared/index.js';
import type { Scope } from '../scope.js';
import { INVALID_NAME_MESSAGE, smError } from './errors.js';

/**
 * Secret names and SecretId references. A SecretId is a name, a full ARN, or a partial ARN (the
 * ARN without the `-xxxxxx` suffix). An ARN whose last part ends in a hyphen and six characters
 * is taken as a full ARN only (AWS's documented ambiguity rule), so `…:secret:db-a1b2c3` never
 * falls back to the name `db-a1b2c3`.
 */
const NAME = /^[A-Za-z0-9/_+=.@!-]{1,512}$/;
const FULL_ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;

export function validateSecretName(name: string): void {
  if (!NAME.test(name)) throw smError('ValidationException', INVALID_NAME_MESSAGE);
}

export function newSecretArn(scope: Scope, name: string): string {
  return formatArn({ service: 'secretsmanager', region: scope.region, account: scope.accountId, resource: `secret:${name}-${randomAlnum(6)}` });
}

export type SecretRef =
  | { kind: 'name'; name: string }
  /** `name` is set when the ARN may be partial. */
  | { kind: 'arn'; arn: string; name?: string }
  /** An ARN of another account, region or service: never found here. */
  | { kind: 'foreign' };

/** Throws ValidationException for a malformed name (as AWS does for every SecretId). */
export function parseSecretId(id: string, scope: Scope): SecretRef {
  if (!id.startsWith('arn:')) {
    validateSecretName(id);
    return { kind: 'name', name: id };
  }
  const arn = parseArn(id);
  if (!arn || arn.service !== 'secretsmanager' || arn.region !== scope.region || arn.account !== scope.accountId || !arn.resource.startsWith('secret:')) {
    return { kind: 'foreign' };
  }
  const tail = arn.resource.slice('secret:'.length);
  return FULL_ARN_SUFFIX.test(tail) ? { kind: 'arn', arn: id } : { kind: 'arn', arn: id, name: tail };
}
