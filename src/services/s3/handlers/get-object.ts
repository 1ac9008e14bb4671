import { once } from 'node:events';
import { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { AwsError, type RestRequest, type RestResponse } from '../../../aws/index.js';
import {
  contentRange, evaluateReadConditions, resolveObject, resolveRange,
  type ByteRange, type ObjectVersion, type ObjectsDeps,
} from '../../../objects/index.js';
import { objectHeaders } from '../attributes.js';
import type { Handler } from '../call.js';
import { header, httpDate, queryParam } from '../http.js';

/** Query parameters of a (signed) GET that override response headers. */
const OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

/**
 * Opens the blob before any header is written, so a missing file becomes a clean error response
 * instead of a cut connection. (fs streams open lazily; other streams are returned as they are.)
 */
async function openBlob(deps: ObjectsDeps, id: string, range: ByteRange | undefined): Promise<Readable> {
  const stream = deps.blobs.read(id, range);
  if (stream instanceof ReadStream && stream.pending) {
    await once(stream, 'ready');
  }
  return stream;
}

function partRange(req: RestRequest, v: ObjectVersion): { range: ByteRange; count: number } | undefined {
  const raw = queryParam(req, 'partNumber');
  if (raw === undefined) return undefined;
  if (header(req, 'range') !== undefined) {
    throw new AwsError('InvalidRequest', 'Cannot specify both Range header and partNumber query parameter', 400);
  }
  const sizes = v.parts ?? [v.size];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10000) {
    throw new AwsError('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', 400, { ArgumentName: 'partNumber', ArgumentValue: raw });
  }
  if (n > sizes.length) {
    throw new AwsError('InvalidPartNumber', 'The requested partnumber is not satisfiable', 416, { PartNumberRequested: n, ActualPartCount: sizes.length });
  }
  const start = sizes.slice(0, n - 1).reduce((a, b) => a + b, 0);
  return { range: { start, end: start + (sizes[n - 1] as number) - 1 }, count: sizes.length };
}

/** GetObject and HeadObject: version resolution, preconditions (304/412), Range / partNumber (206/416). */
export function getObjectHandler(head: boolean): Handler {
  return async ({ req, deps, bucket, key }): Promise<RestResponse> => {
    const versionId = queryParam(req, 'versionId');
    const { bucket: b, version: v } = await resolveObject(deps.db, { bucket, key, ...(versionId !== undefined ? { versionId } : {}) });
    const decision = evaluateReadConditions({
      ifMatch: header(req, 'if-match'),
      ifNoneMatch: header(req, 'if-none-match'),
      ifModifiedSince: header(req, 'if-modified-since'),
      ifUnmodifiedSince: header(req, 'if-unmodified-since'),
    }, v.etag, v.lastModified);
    if (decision === 'not-modified') {
      return { status: 304, headers: { etag: `"${v.etag}"`, 'last-modified': httpDate(v.lastModified), ...(b.versioning !== 'Unversioned' ? { 'x-amz-version-id': v.versionId } : {}) } };
    }
    const part = partRange(req, v);
    const range = part?.range ?? (v.size === 0 && header(req, 'range') === undefined ? undefined : resolveRange(header(req, 'range'), v.size));
    const checksumMode = header(req, 'x-amz-checksum-mode')?.toUpperCase() === 'ENABLED';
    const headers: Record<string, string | number> = objectHeaders(b, v, checksumMode && range === undefined);
    for (const [param, name] of Object.entries(OVERRIDES)) {
      const value = queryParam(req, param);
      if (value !== undefined) headers[name] = value;
    }
    if (part && v.parts) headers['x-amz-mp-parts-count'] = part.count;
    let status = 200;
    if (range) {
      status = 206;
      headers['content-range'] = contentRange(range, v.size);
      headers['content-length'] = range.end - range.start + 1;
    } else {
      headers['content-length'] = v.size;
    }
    if (head || v.size === 0 || !v.blobId) return { status, headers, ...(head ? {} : { body: Buffer.alloc(0) }) };
    return { status, headers, body: await openBlob(deps, v.blobId, range) };
  };
}
