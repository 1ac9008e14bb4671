import type { HeaderBag } from './canonical-request.js';
import type { SigV4Errors } from './errors.js';
import type { SigV4Family } from './types.js';

/**
 * `host` must always be signed — otherwise a captured signature could be replayed against another
 * virtual host. S3 additionally requires every x-amz-* header present on the request to be signed
 * ("There were headers present in the request which were not signed"); Coral services do not.
 */
export function checkSignedHeaders(family: SigV4Family, headers: HeaderBag, signed: readonly string[], errors: SigV4Errors): void {
  const signedSet = new Set(signed);
  const notSigned: string[] = [];
  if (!signedSet.has('host')) notSigned.push('host');
  if (family === 's3') {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined && name.startsWith('x-amz-') && !signedSet.has(name)) notSigned.push(name);
    }
  }
  if (notSigned.length > 0) throw errors.headersNotSigned(notSigned);
}
