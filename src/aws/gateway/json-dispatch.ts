import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError, requestId as newRequestId } from '../../shared/index.js';
import { AwsError, isAwsError } from '../protocol/errors.js';
import { parseJsonBody, writeJson, writeJsonError } from '../protocol/json.js';
import { decodeJsonInput, encodeJsonOutput, formatValidationMessage, validateInput, type ServiceModel } from '../models/index.js';
import type { JsonService, RequestContext } from '../service.js';
import { authenticate, endpointOf } from './authenticate.js';
import { signingNameOf } from './signing-name.js';
import { payloadMismatchError } from '../protocol/sigv4/index.js';
import { readBody, sha256Hex } from './body.js';
import type { GatewayOptions } from './options.js';

const DEFAULT_MAX_JSON_BODY = 16 * 1024 * 1024;

export interface JsonRoute {
  service: JsonService | undefined;
  operation: string;
}

/** Serves one JSON-protocol request end to end; never throws. Returns the status written. */
export async function dispatchJson(
  req: IncomingMessage,
  res: ServerResponse,
  route: JsonRoute,
  opts: GatewayOptions,
): Promise<{ status: number; error?: string }> {
  const requestId = newRequestId();
  const { service, operation } = route;
  const model = service?.model;
  const jsonVersion = model?.metadata.jsonVersion ?? '1.1';
  const fail = (err: AwsError): { status: number; error: string } => {
    writeJsonError(res, err, requestId, messageKeyFor(model, err.code), jsonVersion);
    return { status: err.status, error: err.code };
  };
  try {
    const limit = opts.maxJsonBodyBytes ?? DEFAULT_MAX_JSON_BODY;
    const body = await readBody(req, limit, () =>
      new AwsError('SerializationException', `Request body is larger than the ${limit} bytes nagare accepts.`, 413));
    const bodyHash = sha256Hex(body);
    const sig = authenticate(req, opts, 'json', model ? signingNameOf(model) : undefined, bodyHash);
    // A signed x-amz-content-sha256 header stands in for the body in the signature, so the body
    // itself must be checked against it; JSON services accept no unsigned or streaming payloads.
    if (sig.payload.kind !== 'hashed') {
      return fail(payloadMismatchError('json', bodyHash, String(req.headers['x-amz-content-sha256'])));
    }
    if (sig.payload.sha256 !== bodyHash) return fail(payloadMismatchError('json', bodyHash, sig.payload.sha256));
    if (!service || !model) {
      return fail(new AwsError('UnknownOperationException', `No service answers X-Amz-Target ${String(req.headers['x-amz-target'])}.`, 400));
    }
    const handler = service.operations[operation];
    if (!model.operations[operation]) {
      return fail(new AwsError('UnknownOperationException', `${model.metadata.serviceId} has no operation ${operation}.`, 400));
    }
    if (!handler) {
      return fail(new AwsError('UnknownOperationException',
        `nagare does not implement ${model.metadata.serviceId} ${operation} yet (see docs/compatibility.md).`, 400));
    }
    // AWS deserializes first (type errors → SerializationException), then checks constraints.
    const input = decodeJsonInput(model, operation, parseJsonBody(body));
    const issues = validateInput(model, operation, input);
    if (issues.length > 0) return fail(new AwsError(service.validationErrorCode ?? 'ValidationException', formatValidationMessage(issues), 400));
    const ctx: RequestContext = {
      requestId,
      region: sig.region,
      accountId: opts.accountId,
      accessKeyId: sig.accessKeyId,
      endpoint: endpointOf(req),
      logger: opts.logger.child({ requestId }),
    };
    const output = await handler(input, ctx);
    writeJson(res, 200, encodeJsonOutput(model, operation, output), requestId, jsonVersion);
    return { status: 200 };
  } catch (err) {
    if (isAwsError(err)) return fail(err);
    opts.logger.error({ requestId, operation, err: isAppError(err) ? { code: err.code, message: err.message } : String(err) }, 'unhandled error');
    return fail(new AwsError(internalCode(model), 'An internal error occurred in nagare; see the server log for request ' + requestId + '.', 500));
  }
}

/** The member name the service's error shapes use for the message ("message" or "Message"). */
function messageKeyFor(model: ServiceModel | undefined, code: string): string {
  const shape = model?.shapes[code];
  if (shape?.members && 'Message' in shape.members && !('message' in shape.members)) return 'Message';
  return 'message';
}

function internalCode(model: ServiceModel | undefined): string {
  if (!model) return 'InternalFailure';
  for (const code of ['InternalServerError', 'InternalServiceError', 'InternalServerException', 'ServerException']) {
    if (model.shapes[code]) return code;
  }
  return 'InternalFailure';
}
