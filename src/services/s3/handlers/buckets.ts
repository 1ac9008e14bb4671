import { parseXml, type XmlNode } from '../../../aws/index.js';
import { createBucket, deleteBucket, getBucket, listBuckets, putBucketVersioning } from '../../../objects/index.js';
import { ownerOf, type Handler } from '../call.js';
import { notImplemented } from '../errors.js';
import { emptyResponse, header, intParam, queryParam, readSmallBody, xmlResponse } from '../http.js';

export const handleCreateBucket: Handler = async ({ req, ctx, deps, bucket }) => {
  const text = await readSmallBody(req);
  let locationConstraint: string | undefined;
  if (text.trim() !== '') {
    const doc = parseXml(text, 'CreateBucketConfiguration');
    const lc = doc.LocationConstraint;
    if (typeof lc === 'string') locationConstraint = lc;
  }
  if (header(req, 'x-amz-bucket-object-lock-enabled')?.toLowerCase() === 'true') {
    throw notImplemented('Object Lock (x-amz-bucket-object-lock-enabled)');
  }
  const { bucket: b } = await createBucket(deps, {
    name: bucket, requestRegion: ctx.region, ownerAccount: ctx.accountId,
    ...(locationConstraint !== undefined ? { locationConstraint } : {}),
  });
  return emptyResponse(200, { location: b.region === 'us-east-1' ? `/${b.name}` : `${ctx.endpoint}/${b.name}/` });
};

export const handleDeleteBucket: Handler = async ({ deps, bucket }) => {
  await deleteBucket(deps, bucket);
  return emptyResponse(204);
};

export const handleHeadBucket: Handler = async ({ deps, bucket }) => {
  const b = await getBucket(deps, bucket);
  return emptyResponse(200, { 'x-amz-bucket-region': b.region, 'x-amz-access-point-alias': 'false' });
};

/** ListBuckets, with the newer optional prefix / max-buckets / continuation-token / bucket-region parameters. */
export const handleListBuckets: Handler = async ({ req, ctx, deps }) => {
  const prefix = queryParam(req, 'prefix') ?? '';
  const region = queryParam(req, 'bucket-region');
  const token = queryParam(req, 'continuation-token');
  const max = intParam(req, 'max-buckets', 10_000, 10_000);
  const after = token ? Buffer.from(token, 'base64url').toString('utf8') : undefined;
  const all = (await listBuckets(deps, ctx.accountId))
    .filter((b) => b.name.startsWith(prefix) && (region === undefined || b.region === region) && (after === undefined || b.name > after));
  const page = all.slice(0, max);
  const truncated = all.length > max;
  const last = page[page.length - 1];
  const body: XmlNode = {
    Owner: ownerOf(ctx),
    Buckets: { Bucket: page.map((b) => ({ Name: b.name, CreationDate: b.createdAt, BucketRegion: b.region })) },
    ...(truncated && last ? { ContinuationToken: Buffer.from(last.name).toString('base64url') } : {}),
    ...(queryParam(req, 'prefix') !== undefined ? { Prefix: prefix } : {}),
  };
  return xmlResponse('ListAllMyBucketsResult', body);
};

/** us-east-1 buckets answer an empty LocationConstraint, as in S3. */
export const handleGetBucketLocation: Handler = async ({ deps, bucket }) => {
  const b = await getBucket(deps, bucket);
  // The root element itself carries the value, which toXml's element model cannot express.
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${
    b.region === 'us-east-1' ? '' : b.region}</LocationConstraint>`;
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
};

export const handleGetBucketVersioning: Handler = async ({ deps, bucket }) => {
  const b = await getBucket(deps, bucket);
  return xmlResponse('VersioningConfiguration', b.versioning === 'Unversioned' ? {} : { Status: b.versioning });
};

export const handlePutBucketVersioning: Handler = async ({ req, deps, bucket }) => {
  const doc = parseXml(await readSmallBody(req), 'VersioningConfiguration');
  if (doc.MfaDelete === 'Enabled') {
    throw notImplemented('MFA delete');
  }
  await putBucketVersioning(deps, bucket, typeof doc.Status === 'string' ? doc.Status : '');
  return emptyResponse(200);
};

/** The owner has FULL_CONTROL: nagare has no ACLs, so this is the truth, not a placeholder. */
export const handleGetBucketAcl: Handler = async ({ ctx, deps, bucket }) => {
  await getBucket(deps, bucket);
  return aclResponse(ownerOf(ctx));
};

export function aclResponse(owner: { ID: string; DisplayName: string }): ReturnType<typeof xmlResponse> {
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>${owner.ID}</ID><DisplayName>${owner.DisplayName}</DisplayName></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${owner.ID}</ID><DisplayName>${owner.DisplayName}</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>`,
  };
}
