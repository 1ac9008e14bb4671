export interface SecretRecord {
  id: number;
  name: string;
  arn: string;
  description: string | null;
  kmsKeyId: string | null;
  createdAt: Date;
  lastChangedAt: Date;
  lastAccessedAt: Date | null;
  /** When DeleteSecret ran (real time); null unless scheduled for deletion. */
  deletedAt: Date | null;
  recoveryWindowDays: number | null;
}

export interface SecretVersionRecord {
  versionId: string;
  isBinary: boolean;
  valueCipher: Buffer;
  createdAt: Date;
  lastAccessedAt: Date | null;
  stages: string[];
}

/** A secret value as supplied or returned: exactly one of the two. */
export type SecretValue = { kind: 'string'; text: string } | { kind: 'binary'; bytes: Buffer };

export interface Tag {
  Key: string;
  Value: string;
}

export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';
export const DEFAULT_RECOVERY_WINDOW_DAYS = 30;
/** Versions kept per secret; older versions without a staging label are removed beyond this. */
export const MAX_VERSIONS = 100;
export const MAX_TAGS = 50;
export const DAY_MS = 86_400_000;
