/**
 * Public shapes of the SigV4 verifier. The verifier is pure: it reads the request line and headers
 * (never the body) and either returns a SigV4Context or throws an AwsError in the caller's family.
 */

export type SigV4Family = 'json' | 's3';

export interface SigV4Request {
  method: string;
  /** Path exactly as received (still percent-encoded), without the query. */
  rawPath: string;
  /** Query string as received, without '?'; may be ''. */
  rawQuery: string;
  /**
   * Lower-case header names. Prefer Node's `req.headersDistinct` (arrays): with `req.headers` Node
   * joins repeated headers with ", " while SigV4 joins the trimmed values with "," — a repeated
   * signed header then fails to verify.
   */
  headers: Record<string, string | string[] | undefined>;
}

export interface SigV4Options {
  /** Decides error codes/messages and canonical URI rules (S3: decode+encode once; others: normalise + double-encode). */
  family: SigV4Family;
  /** Credential lookup; undefined = unknown access key. */
  secretFor(accessKeyId: string): string | undefined;
  now: Date;
  /** Allowed clock skew for header auth; default 15 min (AWS's general window). */
  maxSkewMs?: number;
  /** Signing name the endpoint expects (e.g. 'ssm', 's3', 'ecr'); undefined = accept any. */
  expectedService?: string;
  /** Region the endpoint expects; undefined = accept any well-formed region (nagare takes it from the scope). */
  expectedRegion?: string;
  /** Lower-hex SHA-256 of the body when the caller buffered it and no x-amz-content-sha256 header is sent. */
  payloadHash?: string;
}

export type SigV4Payload =
  | { kind: 'hashed'; sha256: string }
  | { kind: 'unsigned' }
  | { kind: 'streaming-signed'; trailer: boolean }
  | { kind: 'streaming-unsigned-trailer' };

export interface SigV4Context {
  accessKeyId: string;
  region: string;
  service: string;
  /** YYYYMMDDTHHMMSSZ — the timestamp that went into the string to sign. */
  amzDate: string;
  /** date/region/service/aws4_request */
  scope: string;
  signingKey: Buffer;
  /** The request's (seed) signature, lower-hex; chunk signatures chain from it. */
  signature: string;
  /** What the body must be checked against; 'hashed' bodies are verified by the body consumer. */
  payload: SigV4Payload;
  presigned: boolean;
}

/** Credential and signing parameters as found in the Authorization header or the query. */
export interface SigV4Credentials {
  /** The raw Credential value (akid/date/region/service/terminator). */
  credential: string;
  signedHeaders: string[];
  /** The SignedHeaders value exactly as sent (it is part of the canonical request). */
  signedHeadersRaw: string;
  signature: string;
  amzDate: string;
}
