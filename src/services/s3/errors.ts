import { AwsError, isAwsError } from '../../aws/index.js';
import { isAppError } from '../../shared/index.js';

/** HTTP status of each domain error code (the codes are S3's own names). */
const STATUS: Record<string, number> = {
  BadDigest: 400,
  BucketAlreadyExists: 409,
  BucketAlreadyOwnedByYou: 409,
  BucketNotEmpty: 409,
  EntityTooLarge: 400,
  EntityTooSmall: 400,
  IllegalLocationConstraintException: 400,
  InvalidArgument: 400,
  InvalidBucketName: 400,
  InvalidDigest: 400,
  InvalidLocationConstraint: 400,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  InvalidRange: 416,
  InvalidRequest: 400,
  InvalidStorageClass: 400,
  InvalidTag: 400,
  KeyTooLongError: 400,
  MalformedXML: 400,
  MetadataTooLarge: 400,
  MethodNotAllowed: 405,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchLifecycleConfiguration: 404,
  NoSuchUpload: 404,
  NoSuchVersion: 404,
  PreconditionFailed: 412,
};

/**
 * Domain AppError → S3 error. Details with a capitalised name become extra XML elements
 * (<Key>, <BucketName>, <UploadId>…); `deleteMarker`/`versionId`/`lastModified` become the
 * headers S3 sends with a 404/405 about a delete marker. Anything else is re-thrown (the gateway
 * logs it and answers InternalError).
 */
export function toAwsError(err: unknown): unknown {
  if (isAwsError(err) || !isAppError(err)) return err;
  const status = STATUS[err.code];
  if (status === undefined) return err;
  const extra: Record<string, string | number | boolean> = {};
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(err.details)) {
    if (/^[A-Z]/.test(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) extra[k] = v;
  }
  if (err.details.deleteMarker === true) headers['x-amz-delete-marker'] = 'true';
  if (typeof err.details.versionId === 'string') headers['x-amz-version-id'] = err.details.versionId;
  if (err.details.lastModified instanceof Date) headers['last-modified'] = err.details.lastModified.toUTCString();
  if (err.code === 'MethodNotAllowed' && err.details.Method === undefined) extra.Method = 'GET';
  return new AwsError(err.code, err.message, status, extra, headers);
}

export function notImplemented(operation: string): AwsError {
  return new AwsError(
    'NotImplemented',
    `A header you provided implies functionality that is not implemented: nagare does not implement ${operation} (see docs/compatibility.md).`,
    501,
  );
}

export function methodNotAllowed(method: string, resourceType: string): AwsError {
  return new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
    Method: method, ResourceType: resourceType,
  });
}

export function invalidArgument(message: string, name: string, value: string): AwsError {
  return new AwsError('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value });
}
