import { AwsError } from '../errors.js';
import { formatAmzDate, formatWindow } from './amz-date.js';
import type { MissingPart, QueryProblem, ScopeProblem, SigV4Errors, TimeDetails } from './errors.js';
import { queryProblemMessage } from './errors-s3.js';

/**
 * Coral (JSON 1.0/1.1 and rest-json) answers. Status choice: AWS is inconsistent across services —
 * JSON-1.1 endpoints (EMR, SageMaker, Cognito, SSM…) answer signature problems with 400, API
 * Gateway-fronted ones (Lambda) with 403; SDKs key off `__type`, so we use 400 for everything except
 * MissingAuthenticationTokenException, which AWS serves as 403 everywhere it was observed.
 * Evidence: aws-sdk-ruby#431 and smithy4s#1568 (400 InvalidSignatureException "Credential should be
 * scoped to correct service: 'x'. " — note the trailing space), cognito 400
 * UnrecognizedClientException, cloud9-sync#10 (400 IncompleteSignatureException), aws/chalice#828
 * (the "Authorization header requires …" list), mhart/aws4#97 (5-element credential message),
 * spec §E.3 for the signature-mismatch and "Signature expired" texts.
 */

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const invalidSignature = (message: string): AwsError => new AwsError('InvalidSignatureException', message, 400);
const incomplete = (message: string): AwsError => new AwsError('IncompleteSignatureException', message, 400);

const MISSING_TEXT: Record<MissingPart, string> = {
  Credential: "Authorization header requires 'Credential' parameter.",
  Signature: "Authorization header requires 'Signature' parameter.",
  SignedHeaders: "Authorization header requires 'SignedHeaders' parameter.",
  Date: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
};
const MISSING_ORDER: MissingPart[] = ['Credential', 'Signature', 'SignedHeaders', 'Date'];

/** Coral appends ". " after each scope complaint, so the message ends with a space. */
function scopeText(p: ScopeProblem): string {
  switch (p.kind) {
    case 'region':
      return `Credential should be scoped to a valid region, not '${p.got}'. `;
    case 'service':
      return `Credential should be scoped to correct service: '${p.expected}'. `;
    case 'terminator':
      return `Credential should be scoped with a valid terminator: 'aws4_request', not '${p.got}'. `;
    case 'date':
      return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${p.got}' != '${p.expected}', from '${p.amzDate}'. `;
  }
}

function expiredText(t: TimeDetails, windowMs: number): string {
  const floor = formatAmzDate(new Date(t.now.getTime() - windowMs));
  return `Signature expired: ${t.amzDate} is now earlier than ${floor} (${formatAmzDate(t.now)} - ${formatWindow(windowMs)}.)`;
}

function notYetText(t: TimeDetails): string {
  const ceiling = formatAmzDate(new Date(t.now.getTime() + t.windowMs));
  return `Signature not yet current: ${t.amzDate} is still later than ${ceiling} (${formatAmzDate(t.now)} + ${formatWindow(t.windowMs)}.)`;
}

function jsonQueryProblem(problem: QueryProblem): AwsError {
  if (problem.kind === 'missing') {
    // Unverified wording (remembered from STS); lists the first missing parameter like Coral does.
    return incomplete(`AWS query-string parameters must include '${problem.names[0] ?? ''}'. Re-examine the query-string parameters.`);
  }
  return incomplete(queryProblemMessage(problem));
}

export const jsonErrors: SigV4Errors = {
  missingAuthentication: () => new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403),
  // Coral parses a non-SigV4 value (e.g. a bearer token) as a header with no SigV4 parameters.
  unsupportedAlgorithm: (authorization, dateMissing) =>
    jsonErrors.missingComponents(['Credential', 'Signature', 'SignedHeaders', ...(dateMissing ? ['Date' as const] : [])], authorization),
  malformedComponent: (component, authorization) =>
    incomplete(`'${component}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`),
  missingComponents: (missing, authorization) =>
    incomplete(`${MISSING_ORDER.filter((m) => missing.includes(m)).map((m) => MISSING_TEXT[m]).join(' ')} Authorization=${authorization}`),
  // Unverified wording (remembered Coral text for a non-basic-format X-Amz-Date).
  invalidDate: (value) => incomplete(`Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`),
  malformedCredential: (credential) =>
    incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`),
  scopeMismatch: (problems) => invalidSignature(problems.map(scopeText).join('')),
  // Observed for OpenSearch/Location (aws-sdk-php#2469); the exception type there was not shown.
  headersNotSigned: () => invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."),
  unknownAccessKey: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
  expired: (t) => invalidSignature(expiredText(t, t.windowMs)),
  notYetCurrent: (t) => invalidSignature(notYetText(t)),
  presignedExpired: (t, expiresSeconds) => invalidSignature(expiredText(t, expiresSeconds * 1000)),
  presignedNotYetValid: (t) => invalidSignature(notYetText(t)),
  queryParameters: jsonQueryProblem,
  bothAuthMechanisms: () => incomplete('Only one auth mechanism allowed; use either the Authorization header or the X-Amz-* query parameters.'),
  // JSON services do not require or validate x-amz-content-sha256; these never fire for them.
  missingContentSha256: () => incomplete('Missing x-amz-content-sha256.'),
  contentSha256NotSigned: () => incomplete('x-amz-content-sha256 must be signed.'),
  invalidContentSha256: (value) => incomplete(`Invalid x-amz-content-sha256: ${value}`),
  signatureMismatch: () => invalidSignature(SIGNATURE_MISMATCH),
  payloadMismatch: () => invalidSignature(SIGNATURE_MISMATCH),
  malformedChunk: (detail) => new AwsError('InvalidRequest', `Invalid aws-chunked body: ${detail}`, 400),
  incompleteBody: (detail) => new AwsError('IncompleteBody', `The request body terminated unexpectedly: ${detail}`, 400),
};
