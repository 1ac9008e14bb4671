import { AwsError } from '../errors.js';
import { formatIsoSeconds } from './amz-date.js';
import type { MismatchDetails, QueryProblem, ScopeProblem, SigV4Errors, TimeDetails } from './errors.js';

/**
 * S3's answers, codes and statuses from the S3 error-code list and real S3 responses quoted in public
 * issues: SignatureDoesNotMatch 403 with AWSAccessKeyId/StringToSign/SignatureProvided/…Bytes/
 * CanonicalRequest (s3cmd#1053, minio#2986); InvalidAccessKeyId 403 + AWSAccessKeyId
 * (raster-foundry#289); RequestTimeTooSkewed 403 + RequestTime/ServerTime/MaxAllowedSkewMilliseconds
 * (aws-sdk-php#612); AccessDenied "Request has expired" + X-Amz-Expires/Expires/ServerTime
 * (aws-sdk-php#1333); "Request is not yet valid" (minio#2638); AuthorizationHeaderMalformed 400 for
 * missing components, wrong region (+Region), malformed Credential, credential date (ex_aws#537,
 * TTLabs/EvaporateJS#364, deb-s3#157, arq_restore#48); AuthorizationQueryParametersError texts
 * (play-s3#73, aws_auth#31); XAmzContentSHA256Mismatch 400 (lua-resty-aws#2); InvalidRequest for a
 * missing x-amz-content-sha256 (aws-cli#2134); InvalidArgument for a bad one (versitygw#1352);
 * AccessDenied "There were headers present in the request which were not signed" + HeadersNotSigned
 * (soto-core#99, coda packs-sdk#3093). Service/terminal wording comes from S3 emulators only.
 */

const MISMATCH = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const MALFORMED = 'The authorization header is malformed; ';
const CREDENTIAL_SHAPE = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';
const QUERY_CREDENTIAL = 'Error parsing the X-Amz-Credential parameter; ';
const MAX_EXPIRES = 604800;

const accessDenied = (message: string, extra: Record<string, string | number> = {}): AwsError =>
  new AwsError('AccessDenied', message, 403, extra);
const headerMalformed = (message: string, extra: Record<string, string> = {}): AwsError =>
  new AwsError('AuthorizationHeaderMalformed', MALFORMED + message, 400, extra);
const queryError = (message: string, extra: Record<string, string> = {}): AwsError =>
  new AwsError('AuthorizationQueryParametersError', message, 400, extra);

/** "41 57 53 34 …": S3 echoes StringToSign/CanonicalRequest as space-separated hex bytes too. */
function hexBytes(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

export function queryProblemMessage(problem: QueryProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.';
    case 'algorithm':
      return 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"';
    case 'expires-not-a-number':
      return 'X-Amz-Expires should be a number';
    case 'expires-negative':
      return 'X-Amz-Expires must be non-negative';
    case 'expires-too-long':
      return `X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_EXPIRES} seconds`;
  }
}

/** S3 reports only the first scope problem, header and query flavours differing in wording. */
function scopeError(p: ScopeProblem, presigned: boolean): AwsError {
  const wrap = (text: string, extra: Record<string, string> = {}): AwsError =>
    presigned ? queryError(QUERY_CREDENTIAL + text, extra) : headerMalformed(text, extra);
  switch (p.kind) {
    case 'region': {
      const expected = p.expected ?? 'us-east-1';
      return wrap(`the region '${p.got}' is wrong; expecting '${expected}'`, { Region: expected });
    }
    case 'service':
      return wrap(`incorrect service "${p.got}". This endpoint belongs to "${p.expected}".`);
    case 'terminator':
      return wrap(`incorrect terminal "${p.got}". This endpoint uses "aws4_request".`);
    case 'date':
      return presigned
        ? queryError(`Invalid credential date "${p.got}". This date is not the same as X-Amz-Date: "${p.expected}".`)
        : headerMalformed('Invalid credential date. Date is not the same as X-Amz-Date.');
  }
}

function skewed(t: TimeDetails): AwsError {
  return new AwsError('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403, {
    RequestTime: t.amzDate,
    ServerTime: formatIsoSeconds(t.now),
    MaxAllowedSkewMilliseconds: t.windowMs,
  });
}

function mismatch(d: MismatchDetails): AwsError {
  const extra: Record<string, string> = {
    AWSAccessKeyId: d.accessKeyId,
    StringToSign: d.stringToSign,
    SignatureProvided: d.provided,
    StringToSignBytes: hexBytes(d.stringToSign),
  };
  if (d.canonicalRequest !== undefined) {
    extra.CanonicalRequest = d.canonicalRequest;
    extra.CanonicalRequestBytes = hexBytes(d.canonicalRequest);
  }
  return new AwsError('SignatureDoesNotMatch', MISMATCH, 403, extra);
}

export const s3Errors: SigV4Errors = {
  // nagare serves no anonymous requests; S3 answers an unauthenticated request to a private resource so.
  missingAuthentication: () => accessDenied('Access Denied'),
  unsupportedAlgorithm: () =>
    new AwsError('InvalidRequest', 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.', 400),
  malformedComponent: (component) => headerMalformed(`the authorization component "${component}" is malformed.`),
  missingComponents: (missing) =>
    missing.length === 1 && missing[0] === 'Date'
      ? accessDenied('AWS authentication requires a valid Date or x-amz-date header')
      : headerMalformed('the authorization header requires three components: Credential, SignedHeaders, and Signature.'),
  invalidDate: (_value, presigned) =>
    presigned
      ? queryError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`)
      : accessDenied('AWS authentication requires a valid Date or x-amz-date header'),
  malformedCredential: (_credential, presigned) =>
    presigned ? queryError(QUERY_CREDENTIAL + CREDENTIAL_SHAPE) : headerMalformed(CREDENTIAL_SHAPE),
  scopeMismatch: (problems, presigned) => scopeError(problems[0] as ScopeProblem, presigned),
  headersNotSigned: (names) =>
    accessDenied('There were headers present in the request which were not signed', { HeadersNotSigned: names.join(', ') }),
  unknownAccessKey: (accessKeyId) =>
    new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, {
      AWSAccessKeyId: accessKeyId,
    }),
  expired: skewed,
  notYetCurrent: skewed,
  presignedExpired: (t, expiresSeconds) =>
    accessDenied('Request has expired', {
      'X-Amz-Expires': expiresSeconds,
      Expires: formatIsoSeconds(new Date(t.requestTime.getTime() + expiresSeconds * 1000)),
      ServerTime: formatIsoSeconds(t.now),
    }),
  // S3 really prints X-Amz-Date as epoch milliseconds here (minio#2638).
  presignedNotYetValid: (t, expiresSeconds) =>
    accessDenied('Request is not yet valid', {
      'X-Amz-Date': t.requestTime.getTime(),
      Expires: formatIsoSeconds(new Date(t.requestTime.getTime() + expiresSeconds * 1000)),
      ServerTime: formatIsoSeconds(t.now),
    }),
  queryParameters: (problem) => queryError(queryProblemMessage(problem)),
  bothAuthMechanisms: (authorization) =>
    new AwsError(
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      400,
      { ArgumentName: 'Authorization', ArgumentValue: authorization },
    ),
  missingContentSha256: () => new AwsError('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256', 400),
  contentSha256NotSigned: () => new AwsError('InvalidRequest', "header 'x-amz-content-sha256' must be included in signature", 400),
  invalidContentSha256: (value) =>
    new AwsError(
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
      400,
      { ArgumentName: 'x-amz-content-sha256', ArgumentValue: value },
    ),
  signatureMismatch: mismatch,
  payloadMismatch: (computed, claimed) =>
    new AwsError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, {
      ClientComputedContentSHA256: claimed,
      S3ComputedContentSHA256: computed,
    }),
  // Our choice (no public S3 sample): framing errors are InvalidRequest, truncation is IncompleteBody.
  malformedChunk: (detail) => new AwsError('InvalidRequest', `Invalid aws-chunked body: ${detail}`, 400),
  incompleteBody: () =>
    new AwsError('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.', 400),
};
