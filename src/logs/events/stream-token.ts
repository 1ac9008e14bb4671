import { invalidNextToken } from '../errors.js';
import { formatKey, parseKey, type EventKey } from './event-key.js';

/**
 * GetLogEvents tokens, in AWS's shape `f/<56 digits>/s` and `b/<56 digits>/s`. A forward token
 * means "events after this key", a backward token "events before this key"; both bounds are
 * exclusive. Reaching the end in either direction hands back the token the caller sent, which is
 * how clients (and the AWS docs) detect the end of a stream.
 */
export type Direction = 'forward' | 'backward';

export interface StreamToken {
  direction: Direction;
  key: EventKey;
}

export function formatStreamToken(t: StreamToken): string {
  return `${t.direction === 'forward' ? 'f' : 'b'}/${formatKey(t.key)}/s`;
}

/** Throws InvalidNextToken for anything formatStreamToken cannot have produced. */
export function parseStreamToken(token: string): StreamToken {
  const m = /^([fb])\/(\d{1,60})(?:\/s)?$/.exec(token);
  const key = m ? parseKey(m[2]!) : undefined;
  if (!m || !key) throw invalidNextToken();
  return { direction: m[1] === 'f' ? 'forward' : 'backward', key };
}
