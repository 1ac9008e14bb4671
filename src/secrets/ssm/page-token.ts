import { ssmError } from './errors.js';

/**
 * NextToken for Parameter Store listings: opaque to callers, base64url of the last name returned
 * (keyset pagination on the name order, so pages stay consistent while parameters come and go).
 */
interface TokenBody {
  v: 1;
  after: string;
}

export function encodePageToken(after: string): string {
  const body: TokenBody = { v: 1, after };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Throws InvalidNextToken for anything this server did not issue. */
export function decodePageToken(token: string | undefined): string | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('not base64url');
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenBody>;
    if (body.v !== 1 || typeof body.after !== 'string') throw new Error('unknown token shape');
    return body.after;
  } catch {
    throw ssmError('InvalidNextToken', 'The specified token is not valid.');
  }
}
