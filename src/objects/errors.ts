import { AppError } from '../shared/index.js';

/**
 * Domain error codes of the object store. They are S3's own error names on purpose: one stable
 * vocabulary, mapped to HTTP status and extra XML elements only in services/s3/.
 */
export type ObjectsErrorCode =
  | 'BadDigest'
  | 'BucketAlreadyExists'
  | 'BucketAlreadyOwnedByYou'
  | 'BucketNotEmpty'
  | 'EntityTooLarge'
  | 'EntityTooSmall'
  | 'IllegalLocationConstraintException'
  | 'InvalidArgument'
  | 'InvalidBucketName'
  | 'InvalidDigest'
  | 'InvalidLocationConstraint'
  | 'InvalidPart'
  | 'InvalidPartOrder'
  | 'InvalidRange'
  | 'InvalidRequest'
  | 'InvalidStorageClass'
  | 'InvalidTag'
  | 'KeyTooLongError'
  | 'MalformedXML'
  | 'MetadataTooLarge'
  | 'MethodNotAllowed'
  | 'NoSuchBucket'
  | 'NoSuchKey'
  | 'NoSuchLifecycleConfiguration'
  | 'NoSuchUpload'
  | 'NoSuchVersion'
  | 'PreconditionFailed';

export function objectsError(code: ObjectsErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { fault: 'user', details });
}

export function noSuchBucket(bucket: string): AppError {
  return objectsError('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
}

export function noSuchKey(key: string, extra: Record<string, unknown> = {}): AppError {
  return objectsError('NoSuchKey', 'The specified key does not exist.', { Key: key, ...extra });
}

export function noSuchUpload(uploadId: string): AppError {
  return objectsError(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );
}
