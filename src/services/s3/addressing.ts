import { AwsError } from '../../aws/index.js';

export interface Address {
  /** '' for service-level requests (ListBuckets). */
  bucket: string;
  /** '' for bucket-level requests. */
  key: string;
  style: 'path' | 'virtual';
}

/**
 * The bucket named by the Host header in virtual-hosted-style requests, or undefined for
 * path style. Recognised: `<bucket>.localhost`, `<bucket>.s3.localhost`,
 * `<bucket>.s3.amazonaws.com`, `<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3-<region>.amazonaws.com`
 * (any port). Everything else (IP addresses, `localhost`, `s3.localhost`, `s3.<region>.amazonaws.com`,
 * other names) is path style.
 */
export function bucketFromHost(hostHeader: string): string | undefined {
  const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
  if (host.endsWith('.localhost')) {
    const sub = host.slice(0, -'.localhost'.length);
    if (sub === 's3') return undefined;
    return sub.endsWith('.s3') ? sub.slice(0, -'.s3'.length) || undefined : sub;
  }
  const aws = /^(.+)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.exec(host);
  if (aws && aws[1] !== undefined && !/^s3([.-]|$)/.test(aws[1])) return aws[1];
  return undefined;
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AwsError('InvalidURI', "Couldn't parse the specified URI.", 400);
  }
}

/** Splits a request into bucket and key. Keys are percent-decoded exactly once; '+' stays '+'. */
export function addressOf(host: string, rawPath: string): Address {
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  const virtual = bucketFromHost(host);
  if (virtual !== undefined) return { bucket: virtual, key: decodeSegment(path), style: 'virtual' };
  const slash = path.indexOf('/');
  if (slash < 0) return { bucket: decodeSegment(path), key: '', style: 'path' };
  return { bucket: decodeSegment(path.slice(0, slash)), key: decodeSegment(path.slice(slash + 1)), style: 'path' };
}
