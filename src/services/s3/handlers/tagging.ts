import { AwsError, asArray, parseXml, type XmlNode } from '../../../aws/index.js';
import { getObjectTags, putObjectTags, type Bucket, type Tag } from '../../../objects/index.js';
import { getBucket } from '../../../objects/index.js';
import { ownerOf, type Handler } from '../call.js';
import { queryParam, readSmallBody, xmlResponse, emptyResponse } from '../http.js';
import { aclResponse } from './buckets.js';

function ref(call: Parameters<Handler>[0]) {
  const versionId = queryParam(call.req, 'versionId');
  return { bucket: call.bucket, key: call.key, ...(versionId !== undefined ? { versionId } : {}) };
}

function versionHeader(bucket: Bucket, versionId: string): Record<string, string> {
  return bucket.versioning === 'Unversioned' ? {} : { 'x-amz-version-id': versionId };
}

export const handleGetObjectTagging: Handler = async (call) => {
  const v = await getObjectTags(call.deps, ref(call));
  const b = await getBucket(call.deps, call.bucket);
  return xmlResponse('Tagging', { TagSet: { Tag: v.tags.map((t) => ({ Key: t.Key, Value: t.Value })) } }, 200, versionHeader(b, v.versionId));
};

function parseTagging(body: string): Tag[] {
  const doc = parseXml(body, 'Tagging');
  const set = doc.TagSet;
  if (set === undefined || typeof set !== 'object' || Array.isArray(set) || set instanceof Date) {
    if (set === '') return [];
    throw new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
  }
  return asArray((set as XmlNode).Tag).map((t) => {
    const n = t as XmlNode;
    if (typeof n?.Key !== 'string') {
      throw new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
    }
    return { Key: n.Key, Value: typeof n.Value === 'string' ? n.Value : '' };
  });
}

export const handlePutObjectTagging: Handler = async (call) => {
  const v = await putObjectTags(call.deps, ref(call), parseTagging(await readSmallBody(call.req)));
  const b = await getBucket(call.deps, call.bucket);
  return emptyResponse(200, versionHeader(b, v.versionId));
};

export const handleDeleteObjectTagging: Handler = async (call) => {
  const v = await putObjectTags(call.deps, ref(call), []);
  const b = await getBucket(call.deps, call.bucket);
  return emptyResponse(204, versionHeader(b, v.versionId));
};

/** The owner has FULL_CONTROL of every object (nagare has no ACLs). */
export const handleGetObjectAcl: Handler = async (call) => {
  const v = await getObjectTags(call.deps, ref(call));
  const b = await getBucket(call.deps, call.bucket);
  const res = aclResponse(ownerOf(call.ctx));
  return { ...res, headers: { ...res.headers, ...versionHeader(b, v.versionId) } };
};
