import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { xmlEscape } from '../protocol/xml.js';
import type { AwsError } from '../protocol/errors.js';
import type { RestResponse } from '../service.js';

/** S3's error envelope: <Error><Code/><Message/>…extra…<RequestId/><HostId/></Error>. */
export function writeS3Error(res: ServerResponse, err: AwsError, requestId: string, method: string): void {
  const extra = Object.entries(err.extra)
    .map(([k, v]) => `<${k}>${xmlEscape(String(v))}</${k}>`)
    .join('');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>${hostId(requestId)}</HostId></Error>`;
  const headers: Record<string, string | number> = {
    'x-amz-request-id': requestId,
    'x-amz-id-2': hostId(requestId),
    ...err.headers,
  };
  if (method === 'HEAD') {
    // HEAD responses carry no body; SDKs derive the error from the status code.
    res.writeHead(err.status, headers);
    res.end();
    return;
  }
  res.writeHead(err.status, { ...headers, 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function writeRest(res: ServerResponse, out: RestResponse, requestId: string, method: string): Promise<void> {
  const headers: Record<string, string | number> = { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId(requestId) };
  for (const [k, v] of Object.entries(out.headers ?? {})) if (v !== undefined) headers[k] = v;
  const body = out.body;
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
    const buf = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : body;
    if (buf && headers['content-length'] === undefined) headers['content-length'] = buf.length;
    if (!buf && headers['content-length'] === undefined && method !== 'HEAD') headers['content-length'] = 0;
    res.writeHead(out.status, headers);
    res.end(method === 'HEAD' ? undefined : buf);
    return;
  }
  res.writeHead(out.status, headers);
  if (method === 'HEAD') {
    body.destroy();
    res.end();
    return;
  }
  await pipeline(body, res);
}

/** S3 sends an opaque x-amz-id-2 with each response; ours is derived from the request id. */
function hostId(requestId: string): string {
  return Buffer.from(`nagare/${requestId}`).toString('base64');
}
