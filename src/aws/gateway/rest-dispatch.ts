import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { isAppError, s3RequestId } from '../../shared/index.js';
import { AwsError, isAwsError } from '../protocol/errors.js';
import { createAwsChunkedDecoder, payloadMismatchError, type SigV4Context } from '../protocol/sigv4/index.js';
import type { RequestContext, RestRequest, RestXmlService } from '../service.js';
import { signingNameOf } from './signing-name.js';
import { authenticate, endpointOf, splitUrl } from './authenticate.js';
import { hashVerifier } from './body.js';
import type { GatewayOptions } from './options.js';
import { writeRest, writeS3Error } from './respond.js';

/** Serves one REST-XML (S3) request end to end; never throws. Returns the status written. */
export async function dispatchRestXml(
  req: IncomingMessage,
  res: ServerResponse,
  service: RestXmlService,
  opts: GatewayOptions,
): Promise<{ status: number; error?: string }> {
  const requestId = s3RequestId();
  const method = req.method ?? 'GET';
  let body: Readable | undefined;
  try {
    const sig = authenticate(req, opts, 's3', signingNameOf(service.model));
    const { rawPath, rawQuery } = splitUrl(req.url ?? '/');
    const verified = verifiedBody(req, sig);
    body = verified.body;
    const trailers = verified.trailers;
    const restReq: RestRequest = {
      method,
      host: req.headers.host ?? '',
      rawPath,
      query: new URLSearchParams(rawQuery),
      headers: req.headers,
      body,
      trailers,
    };
    const ctx: RequestContext = {
      requestId,
      region: sig.region,
      accountId: opts.accountId,
      accessKeyId: sig.accessKeyId,
      endpoint: endpointOf(req),
      logger: opts.logger.child({ requestId }),
    };
    const out = await service.handle(restReq, ctx);
    drain(req, body);
    await writeRest(res, out, requestId, method);
    return { status: out.status };
  } catch (err) {
    drain(req, body);
    if (res.headersSent) {
      // The response was streaming when the source failed: all we can do is cut the connection.
      res.destroy(err instanceof Error ? err : undefined);
      return { status: res.statusCode, error: 'ResponseAborted' };
    }
    const awsErr = isAwsError(err)
      ? err
      : new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500);
    if (!isAwsError(err)) {
      opts.logger.error({ requestId, err: isAppError(err) ? { code: err.code, message: err.message } : String(err) }, 'unhandled error');
    }
    writeS3Error(res, awsErr, requestId, method);
    return { status: awsErr.status, error: awsErr.code };
  }
}

/** The payload as the client signed it: hash-checked, chunk-signature-checked, or as is. */
function verifiedBody(req: IncomingMessage, sig: SigV4Context): { body: Readable; trailers: () => Record<string, string> } {
  switch (sig.payload.kind) {
    case 'hashed': {
      const claimed = sig.payload.sha256;
      const v = hashVerifier(claimed, (computed) => payloadMismatchError('s3', computed, claimed));
      return { body: pipeInto(req, v), trailers: () => ({}) };
    }
    case 'streaming-signed':
    case 'streaming-unsigned-trailer': {
      const declared = Number(req.headers['x-amz-decoded-content-length']);
      const decoder = createAwsChunkedDecoder(sig, {
        family: 's3',
        ...(Number.isSafeInteger(declared) && declared >= 0 ? { decodedContentLength: declared } : {}),
      });
      return { body: pipeInto(req, decoder), trailers: () => decoder.trailers };
    }
    case 'unsigned':
      return { body: pipeInto(req, new PassThrough()), trailers: () => ({}) };
  }
}

function pipeInto<T extends NodeJS.ReadWriteStream & Readable>(req: IncomingMessage, target: T): T {
  req.on('error', (e) => target.destroy(e));
  // The handler may not be reading yet (or at all) when verification fails at the end of a small
  // body. Without a listener that 'error' would crash the process; readers still see the error
  // (a destroyed stream rethrows it to `for await` and pipeline()).
  target.on('error', () => undefined);
  req.pipe(target);
  return target;
}

/**
 * Reads and discards what the handler left unread so the keep-alive connection stays usable.
 * Once `req` is piped into the verifying body stream, resuming `req` alone does nothing: the pipe
 * waits for that stream to be read, so resume the body stream (clients like botocore send the
 * whole body before they read an early error response).
 */
function drain(req: IncomingMessage, body: Readable | undefined): void {
  if (body && !body.readableEnded) body.resume();
  else if (!req.readableEnded) req.resume();
}
