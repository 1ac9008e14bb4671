import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isAppError } from '../shared/index.js';
import { decodePageToken, encodePageToken } from './page-token.js';

const invalid = (err: unknown): boolean => isAppError(err) && err.code === 'InvalidNextToken';

test('round trip', () => {
  fc.assert(
    fc.property(fc.string(), fc.integer(), (name, time) => {
      const t = encodePageToken('streams', { name, time });
      assert.match(t, /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(decodePageToken('streams', t, { name: 'string', time: 'number' }), { name, time });
    }),
  );
});

test('a token of another listing, a missing field or garbage is InvalidNextToken', () => {
  const t = encodePageToken('groups', { after: 'x' });
  assert.throws(() => decodePageToken('streams', t, { after: 'string' }), invalid);
  assert.throws(() => decodePageToken('groups', t, { after: 'number' }), invalid);
  assert.throws(() => decodePageToken('groups', 'not a token!', { after: 'string' }), invalid);
  assert.throws(() => decodePageToken('groups', Buffer.from('{"v":1,"k":"groups","c":{"after":1.5}}').toString('base64url'), { after: 'number' }), invalid);
  fc.assert(fc.property(fc.string(), (s) => void assert.throws(() => decodePageToken('groups', s, { after: 'string' }), invalid)));
});
