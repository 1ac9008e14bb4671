import type { models } from '../../aws/index.js';
import { parameterStore } from '../../secrets/index.js';
import { compact } from './operation.js';


/** Domain views → SSM output shapes (timestamps stay Dates; the gateway writes epoch seconds). */

export function toParameter(v: parameterStore.ParameterView): models.ssm.Parameter {
  return compact({
    Name: v.name,
    Type: v.type,
    Value: v.value,
    Version: v.version,
    Selector: v.selector,
    LastModifiedDate: v.modifiedAt,
    ARN: v.arn,
    DataType: v.dataType,
  });
}

export function toPolicies(policies: string | null): models.ssm.ParameterInlinePolicy[] {
  if (policies === null) return [];
  return parameterStore.parsePolicies(policies).map((p) => ({ ...p, PolicyStatus: 'Pending' }));
}

export function toMetadata(m: parameterStore.ParameterMetadata): models.ssm.ParameterMetadata {
  return compact({
    Name: m.name,
    ARN: m.arn,
    Type: m.type,
    KeyId: m.keyId ?? undefined,
    LastModifiedDate: m.modifiedAt,
    LastModifiedUser: m.modifiedUser,
    Description: m.description ?? undefined,
    AllowedPattern: m.allowedPattern ?? undefined,
    Version: m.version,
    Tier: m.tier,
    Policies: toPolicies(m.policies),
    DataType: m.dataType,
  });
}

export function toHistory(v: parameterStore.ParameterView): models.ssm.ParameterHistory {
  return compact({
    Name: v.name,
    Type: v.type,
    KeyId: v.keyId ?? undefined,
    LastModifiedDate: v.modifiedAt,
    LastModifiedUser: v.modifiedUser,
    Description: v.description ?? undefined,
    Value: v.value,
    AllowedPattern: v.allowedPattern ?? undefined,
    Version: v.version,
    Labels: v.labels,
    Tier: v.tier,
    Policies: toPolicies(v.policies),
    DataType: v.dataType,
  });
}
