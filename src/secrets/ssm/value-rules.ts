import { ssmError } from './errors.js';
import {
  ADVANCED_MAX_VALUE_BYTES,
  PARAMETER_DATA_TYPES,
  STANDARD_MAX_VALUE_BYTES,
  type ParameterTier,
  type ParameterType,
  type StoredTier,
} from './types.js';

/** Checks on a PutParameter value and the tier it lands in. Messages never quote the value. */

export function assertValuePresent(value: string): void {
  if (value.length === 0) {
    throw ssmError('ValidationException', "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.");
  }
}

/** String values may not contain `{{…}}` references (observed for String parameters). */
export function assertNoNestedReference(value: string, type: ParameterType): void {
  if (type !== 'SecureString' && /\{\{[\s\S]*\}\}/.test(value)) {
    throw ssmError('ValidationException', 'Parameter value can\'t nest another parameter. Do not use "{{}}" in the value.');
  }
}

/**
 * The tier a write is stored in. Intelligent-Tiering picks Advanced only when needed (value over
 * 4 KB, policies, or already Advanced); an Advanced parameter never goes back to Standard.
 */
export function resolveTier(requested: ParameterTier | undefined, previous: StoredTier | undefined, valueBytes: number, hasPolicies: boolean): StoredTier {
  let tier: StoredTier;
  if (requested === 'Advanced') tier = 'Advanced';
  else if (requested === 'Intelligent-Tiering') tier = previous === 'Advanced' || valueBytes > STANDARD_MAX_VALUE_BYTES || hasPolicies ? 'Advanced' : 'Standard';
  else if (requested === 'Standard') {
    if (previous === 'Advanced') {
      throw ssmError(
        'ValidationException',
        "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.",
      );
    }
    tier = 'Standard';
  } else tier = previous ?? 'Standard';

  if (tier === 'Standard' && valueBytes > STANDARD_MAX_VALUE_BYTES) {
    throw ssmError(
      'ValidationException',
      `Standard tier parameters support a maximum parameter value of ${STANDARD_MAX_VALUE_BYTES} characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html`,
    );
  }
  if (valueBytes > ADVANCED_MAX_VALUE_BYTES) {
    throw ssmError('ValidationException', `Advanced tier parameters support a maximum parameter value of ${ADVANCED_MAX_VALUE_BYTES} characters.`);
  }
  if (tier === 'Standard' && hasPolicies) {
    throw ssmError('ValidationException', "Standard tier parameters don't support parameter policies. To attach policies, use the advanced-parameter tier.");
  }
  return tier;
}

const POLICY_TYPES = ['Expiration', 'ExpirationNotification', 'NoChangeNotification'];

/**
 * Parameter policies are stored and reported, not enforced (docs/compatibility-secrets.md). They
 * must still be well-formed: a JSON array of objects with a known `Type`.
 */
export function parsePolicies(policies: string): { PolicyText: string; PolicyType: string }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policies);
  } catch {
    throw ssmError('InvalidPolicyAttributeException', 'A policy attribute or its value is invalid.');
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((p: unknown) => {
    const type = typeof p === 'object' && p !== null ? (p as { Type?: unknown }).Type : undefined;
    if (typeof type !== 'string' || !POLICY_TYPES.includes(type)) {
      throw ssmError(
        'InvalidPolicyTypeException',
        'The policy type is not supported. Parameter Store supports the following policy types: Expiration, ExpirationNotification, and NoChangeNotification.',
      );
    }
    return { PolicyText: JSON.stringify(p), PolicyType: type };
  });
}

export function assertDataType(dataType: string, type: ParameterType, value: string): void {
  if (!(PARAMETER_DATA_TYPES as readonly string[]).includes(dataType)) {
    throw ssmError('ValidationException', `The following data type is not supported: ${dataType} (Data type names are all lowercase.)`);
  }
  if (dataType === 'aws:ec2:image') {
    if (type !== 'String') throw ssmError('ValidationException', 'The data type aws:ec2:image is only supported for String parameters.');
    if (!/^ami-[0-9a-f]{8,17}$/.test(value)) {
      throw ssmError('ValidationException', 'Parameter value is not a valid image ID for data type aws:ec2:image.');
    }
  }
}

/** AllowedPattern: a regular expression the whole value must match (Java-style full match). */
export function assertAllowedPattern(pattern: string | null, value: string): void {
  if (pattern === null || pattern === '') return;
  const re = compileAnchored(pattern);
  if (!re) throw ssmError('InvalidAllowedPatternException', 'The request does not meet the regular expression requirement.');
  if (!re.test(value)) {
    throw ssmError('ParameterPatternMismatchException', `Parameter value, cannot be validated against allowedPattern: ${pattern}`);
  }
}

function compileAnchored(pattern: string): RegExp | undefined {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(`^(?:${pattern})$`, flags);
    } catch {
      // try the next flag set
    }
  }
  return undefined;
}

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}
