export const PARAMETER_TYPES = ['String', 'StringList', 'SecureString'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export const PARAMETER_TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'] as const;
export type ParameterTier = (typeof PARAMETER_TIERS)[number];
/** What a stored version is charged as: Intelligent-Tiering resolves to one of these at write time. */
export type StoredTier = 'Standard' | 'Advanced';

export const PARAMETER_DATA_TYPES = ['text', 'aws:ec2:image', 'aws:ssm:integration'] as const;

/** One stored version of a parameter, its value still as stored (cipher envelope for SecureString). */
export interface ParameterRecord {
  parameterId: number;
  /** The name as first created. */
  name: string;
  nameKey: string;
  version: number;
  type: ParameterType;
  valueText: string | null;
  valueCipher: Buffer | null;
  description: string | null;
  allowedPattern: string | null;
  keyId: string | null;
  tier: StoredTier;
  dataType: string;
  policies: string | null;
  modifiedAt: Date;
  modifiedUser: string;
  /** Labels on this version, sorted. */
  labels: string[];
}

/** A version as shown to a caller: value revealed (or the ciphertext envelope in base64), ARN added. */
export interface ParameterView extends Omit<ParameterRecord, 'valueText' | 'valueCipher'> {
  value: string;
  arn: string;
  /** ":<version>" or ":<label>" when the caller asked with a selector. */
  selector?: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

/** ParameterStringFilter as AWS defines it. */
export interface ParameterFilter {
  Key: string;
  Option?: string;
  Values?: string[];
}

/** The deprecated DescribeParameters `Filters` (ParametersFilter). */
export interface LegacyParameterFilter {
  Key: string;
  Values: string[];
}

export const DEFAULT_SECURE_STRING_KEY_ID = 'alias/aws/ssm';
export const MAX_VERSIONS = 100;
export const MAX_LABELS_PER_VERSION = 10;
export const MAX_TAGS_PER_RESOURCE = 50;
export const STANDARD_MAX_VALUE_BYTES = 4096;
export const ADVANCED_MAX_VALUE_BYTES = 8192;
