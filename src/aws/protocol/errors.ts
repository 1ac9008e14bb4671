/**
 * AwsError: an error already in AWS's terms (code = the wire `__type` / S3 `<Code>`), raised by the
 * protocol layer and by services/<svc>/ when they map domain AppErrors. The gateway serializes it
 * in the request's protocol (JSON 1.1 envelope or S3 XML).
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members for the error body (JSON) or extra XML elements (S3), e.g. BucketName, Key. */
    readonly extra: Record<string, string | number | boolean> = {},
    /** Response headers to add (e.g. x-amz-bucket-region). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AwsError';
  }
}

export function isAwsError(err: unknown): err is AwsError {
  return err instanceof AwsError;
}

/** Which wire family a request belongs to; error codes differ between them (e.g. SigV4 failures). */
export type ProtocolFamily = 'json' | 's3';
