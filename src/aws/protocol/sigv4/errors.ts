import type { AwsError } from '../errors.js';
import { jsonErrors } from './errors-json.js';
import { s3Errors } from './errors-s3.js';
import type { SigV4Family } from './types.js';

/**
 * Every way SigV4 verification can fail, answered in each wire family's own words. JSON services are
 * Coral services (`InvalidSignatureException`, …); S3 has its own codes and adds diagnostic members
 * (`StringToSign`, `CanonicalRequest`, …) to the XML body via AwsError.extra. Messages and statuses,
 * with their evidence, are documented in errors-json.ts and errors-s3.ts.
 */

export type MissingPart = 'Credential' | 'Signature' | 'SignedHeaders' | 'Date';

export type ScopeProblem =
  | { kind: 'region'; got: string; expected: string | undefined }
  | { kind: 'service'; got: string; expected: string }
  | { kind: 'terminator'; got: string }
  | { kind: 'date'; got: string; expected: string; amzDate: string };

export type QueryProblem =
  | { kind: 'missing'; names: string[] }
  | { kind: 'algorithm'; got: string }
  | { kind: 'expires-not-a-number'; got: string }
  | { kind: 'expires-negative'; got: string }
  | { kind: 'expires-too-long'; got: string };

export interface MismatchDetails {
  accessKeyId: string;
  stringToSign: string;
  provided: string;
  /** Absent for chunk and trailer signatures. */
  canonicalRequest?: string;
}

export interface TimeDetails {
  /** The request's amz-date as sent. */
  amzDate: string;
  requestTime: Date;
  now: Date;
  windowMs: number;
}

export interface SigV4Errors {
  missingAuthentication(): AwsError;
  unsupportedAlgorithm(authorization: string, dateMissing: boolean): AwsError;
  malformedComponent(component: string, authorization: string): AwsError;
  missingComponents(missing: MissingPart[], authorization: string): AwsError;
  invalidDate(value: string, presigned: boolean): AwsError;
  malformedCredential(credential: string, presigned: boolean): AwsError;
  scopeMismatch(problems: ScopeProblem[], presigned: boolean): AwsError;
  headersNotSigned(names: string[]): AwsError;
  unknownAccessKey(accessKeyId: string): AwsError;
  expired(t: TimeDetails): AwsError;
  notYetCurrent(t: TimeDetails): AwsError;
  presignedExpired(t: TimeDetails, expiresSeconds: number): AwsError;
  presignedNotYetValid(t: TimeDetails, expiresSeconds: number): AwsError;
  queryParameters(problem: QueryProblem): AwsError;
  bothAuthMechanisms(authorization: string): AwsError;
  missingContentSha256(): AwsError;
  contentSha256NotSigned(): AwsError;
  invalidContentSha256(value: string): AwsError;
  signatureMismatch(d: MismatchDetails): AwsError;
  payloadMismatch(computed: string, claimed: string): AwsError;
  malformedChunk(detail: string): AwsError;
  incompleteBody(detail: string): AwsError;
}

export function errorsFor(family: SigV4Family): SigV4Errors {
  return family === 's3' ? s3Errors : jsonErrors;
}

/**
 * The error a body consumer raises when the SHA-256 it computed differs from the one the client
 * claimed in x-amz-content-sha256 (payload kind 'hashed'). S3: XAmzContentSHA256Mismatch; JSON
 * services: the payload hash is part of the canonical request, so it is a signature mismatch.
 */
export function payloadMismatchError(family: SigV4Family, computed: string, claimed: string): AwsError {
  return errorsFor(family).payloadMismatch(computed, claimed);
}
