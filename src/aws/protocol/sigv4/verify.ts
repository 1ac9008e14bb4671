import { parseAmzDate } from './amz-date.js';
import { canonicalQuery, parseQuery } from './canonical-query.js';
import { buildCanonicalRequest, buildStringToSign } from './canonical-request.js';
import { canonicalUri } from './canonical-uri.js';
import { checkSignedHeaders } from './check-signed-headers.js';
import { checkHeaderTime, checkPresignedTime, DEFAULT_MAX_SKEW_MS } from './check-time.js';
import { checkScope, parseCredential, scopeString } from './credential-scope.js';
import { errorsFor, type TimeDetails } from './errors.js';
import { firstHeader, parseAuthorizationHeader } from './parse-authorization.js';
import { isQueryAuth, parseQueryAuth, type PresignedCredentials } from './parse-query-auth.js';
import { resolvePayload } from './payload.js';
import { deriveSigningKey, signaturesEqual, signHex } from './signing-key.js';
import type { SigV4Context, SigV4Credentials, SigV4Options, SigV4Request } from './types.js';

/**
 * Verifies a request's SigV4 signature (Authorization header or presigned query) the way AWS does
 * and returns what the body consumer needs next; throws an AwsError in the family's terms.
 *
 * Check order. JSON (Coral): parse → date format → credential shape → clock skew → scope → signed
 * headers → key lookup → signature. S3: parse → date format → credential shape → scope → payload
 * header → signed headers → key lookup → clock/expiry → signature. The body is not read here: a
 * 'hashed' payload is checked by the consumer (payloadMismatchError), streaming ones by
 * createAwsChunkedDecoder.
 */
export function verifySigV4(req: SigV4Request, opts: SigV4Options): SigV4Context {
  const errors = errorsFor(opts.family);
  const params = parseQuery(req.rawQuery);
  const header = firstHeader(req.headers, 'authorization');
  const authorization = header !== undefined && header.trim() !== '' ? header : undefined;
  const queryAuth = isQueryAuth(params);
  // S3 refuses two mechanisms at once; Coral has no documented answer, so the header wins there.
  if (authorization !== undefined && queryAuth && opts.family === 's3') throw errors.bothAuthMechanisms(authorization);

  let creds: SigV4Credentials | PresignedCredentials;
  if (authorization !== undefined) creds = parseAuthorizationHeader(authorization, req.headers, errors);
  else if (queryAuth) creds = parseQueryAuth(params, errors);
  else throw errors.missingAuthentication();
  const presigned = 'expiresSeconds' in creds;

  const requestTime = parseAmzDate(creds.amzDate);
  if (requestTime === undefined) throw errors.invalidDate(creds.amzDate, presigned);
  const scope = parseCredential(creds.credential, presigned, errors);
  const time: TimeDetails = { amzDate: creds.amzDate, requestTime, now: opts.now, windowMs: opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS };
  const checkTime = (): void =>
    'expiresSeconds' in creds ? checkPresignedTime(time, creds.expiresSeconds, errors) : checkHeaderTime(time, errors);
  const expectations = { amzDate: creds.amzDate, expectedRegion: opts.expectedRegion, expectedService: opts.expectedService };

  if (opts.family === 'json') checkTime();
  checkScope(scope, expectations, presigned, errors);
  const resolved = resolvePayload(
    { family: opts.family, headers: req.headers, signedHeaders: creds.signedHeaders, presigned, payloadHash: opts.payloadHash },
    errors,
  );
  checkSignedHeaders(opts.family, req.headers, creds.signedHeaders, errors);
  const secret = opts.secretFor(scope.accessKeyId);
  if (secret === undefined) throw errors.unknownAccessKey(scope.accessKeyId);
  if (opts.family === 's3') checkTime();

  const canonicalRequest = buildCanonicalRequest({
    method: req.method,
    uri: canonicalUri(opts.family, req.rawPath),
    query: canonicalQuery(params, presigned ? 'X-Amz-Signature' : undefined),
    headers: req.headers,
    signedHeaders: creds.signedHeaders,
    signedHeadersRaw: creds.signedHeadersRaw,
    payloadHash: resolved.hash,
  });
  const credentialScope = scopeString(scope);
  const stringToSign = buildStringToSign(creds.amzDate, credentialScope, canonicalRequest);
  const signingKey = deriveSigningKey(secret, scope.date, scope.region, scope.service);
  if (!signaturesEqual(signHex(signingKey, stringToSign), creds.signature)) {
    throw errors.signatureMismatch({ accessKeyId: scope.accessKeyId, stringToSign, canonicalRequest, provided: creds.signature });
  }
  return {
    accessKeyId: scope.accessKeyId,
    region: scope.region,
    service: scope.service,
    amzDate: creds.amzDate,
    scope: credentialScope,
    signingKey,
    signature: creds.signature,
    payload: resolved.payload,
    presigned,
  };
}
