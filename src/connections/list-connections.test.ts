import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeListToken, encodeListToken } from './list-connections.js';

describe('ListConnections tokens', () => {
  it('round-trip the cursor', () => {
    const cursor = { created: new Date('2026-01-02T03:04:05.678Z'), id: 'aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f' };
    assert.deepEqual(decodeListToken(encodeListToken(cursor)), cursor);
  });

  for (const bad of ['x', 'e30', Buffer.from('{"k":"repositories","t":"2026-01-01T00:00:00Z","i":"a"}').toString('base64url'), Buffer.from('{"k":"connections","t":"soon","i":"a"}').toString('base64url')]) {
    it(`refuse ${bad.slice(0, 16)}…`, () => assert.throws(() => decodeListToken(bad), { code: 'InvalidNextToken' }));
  }
});
