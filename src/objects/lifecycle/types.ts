import type { Tag } from '../types.js';

/**
 * A lifecycle rule as stored (JSON in s3_buckets.lifecycle). The filter keeps the form the user
 * wrote so GetBucketLifecycleConfiguration returns the same document.
 */
export type LifecycleFilter =
  | { kind: 'legacy-prefix'; prefix: string }
  | { kind: 'empty' }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'tag'; tag: Tag }
  | { kind: 'size'; greaterThan?: number; lessThan?: number }
  | { kind: 'and'; prefix?: string; tags: Tag[]; greaterThan?: number; lessThan?: number };

export interface Transition {
  days?: number;
  date?: string;
  storageClass: string;
}

export interface NoncurrentTransition {
  noncurrentDays?: number;
  newerNoncurrentVersions?: number;
  storageClass: string;
}

export interface LifecycleRule {
  id: string;
  status: 'Enabled' | 'Disabled';
  filter: LifecycleFilter;
  expiration?: { days?: number; date?: string; expiredObjectDeleteMarker?: boolean };
  noncurrentVersionExpiration?: { noncurrentDays?: number; newerNoncurrentVersions?: number };
  abortIncompleteMultipartUpload?: { daysAfterInitiation: number };
  /** Stored and returned; nagare has a single storage class, so transitions change nothing. */
  transitions?: Transition[];
  noncurrentVersionTransitions?: NoncurrentTransition[];
}
