import { AwsError, models, type RequestContext, type RestRequest, type RestResponse, type RestXmlService } from '../../aws/index.js';
import { createGarbageTasks, createLifecycleTask, type ObjectsDeps } from '../../objects/index.js';
import type { BackgroundTask } from '../../shared/index.js';
import { addressOf } from './addressing.js';
import { methodNotAllowed, notImplemented, toAwsError } from './errors.js';
import { discardBody, header } from './http.js';
import { OPERATIONS } from './operations.js';
import { matchRoute, type Level } from './routes.js';

/** db, clock, logger, and a blob store owned by S3: its orphan sweep deletes every blob S3 does not reference. */
export type S3ServiceDeps = ObjectsDeps;

/** Routes one request to its handler and turns domain errors into S3 errors. */
export async function handleS3(deps: ObjectsDeps, req: RestRequest, ctx: RequestContext): Promise<RestResponse> {
  try {
    const { bucket, key } = addressOf(req.host, req.rawPath);
    const level: Level = bucket === '' ? 'service' : key === '' ? 'bucket' : 'object';
    const route = matchRoute({ method: req.method, level, query: req.query, headers: req.headers });
    if (!route) throw methodNotAllowed(req.method, level === 'object' ? 'OBJECT' : level === 'bucket' ? 'BUCKET' : 'SERVICE');
    const handler = OPERATIONS[route.operation];
    if (!route.implemented || !handler) throw notImplemented(route.operation);
    const expectedOwner = header(req, 'x-amz-expected-bucket-owner');
    if (expectedOwner !== undefined && expectedOwner !== ctx.accountId) throw new AwsError('AccessDenied', 'Access Denied', 403);
    return await handler({ req, ctx, deps, bucket, key });
  } catch (err) {
    throw toAwsError(err);
  } finally {
    discardBody(req);
  }
}

/** Implemented operations that only answer fixed facts (nagare has no ACLs: the owner has FULL_CONTROL). */
const STATE_ONLY: ReadonlySet<string> = new Set(['GetBucketAcl', 'GetObjectAcl']);

/** The S3 provider and the background work it needs (lifecycle, garbage collection, orphan sweep). */
export function createS3Service(deps: S3ServiceDeps): { service: RestXmlService; tasks: BackgroundTask[] } {
  const objects: ObjectsDeps = { db: deps.db, blobs: deps.blobs, clock: deps.clock, logger: deps.logger, ...(deps.onObjectCreated ? { onObjectCreated: deps.onObjectCreated } : {}) };
  const service: RestXmlService = {
    family: 's3',
    model: models.s3Model,
    handle: (req, ctx) => handleS3(objects, req, ctx),
    implemented: Object.keys(OPERATIONS),
    stateOnly: STATE_ONLY,
  };
  return { service, tasks: [createLifecycleTask(objects), ...createGarbageTasks(objects)] };
}
