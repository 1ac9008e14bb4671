import { randomToken } from '../../../shared/index.js';
import { deleteBucketLifecycle, getBucketLifecycle, putBucketLifecycle } from '../../../objects/index.js';
import type { Handler } from '../call.js';
import { emptyResponse, readSmallBody, xmlResponse } from '../http.js';
import { lifecycleRulesXml, parseLifecycleXml } from '../xml/lifecycle-xml.js';

export const handlePutBucketLifecycle: Handler = async ({ req, deps, bucket }) => {
  // S3 gives a rule without an ID a random one.
  const rules = parseLifecycleXml(await readSmallBody(req)).map((r) => (r.id === '' ? { ...r, id: randomToken(36) } : r));
  await putBucketLifecycle(deps, bucket, rules);
  return emptyResponse(200);
};

export const handleGetBucketLifecycle: Handler = async ({ deps, bucket }) =>
  xmlResponse('LifecycleConfiguration', lifecycleRulesXml(await getBucketLifecycle(deps, bucket)));

export const handleDeleteBucketLifecycle: Handler = async ({ deps, bucket }) => {
  await deleteBucketLifecycle(deps, bucket);
  return emptyResponse(204);
};
