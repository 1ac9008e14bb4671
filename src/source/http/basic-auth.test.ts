import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authenticateBasic, parseBasicAuth } from './basic-auth.js';

const basic = (s: string): string => `Basic ${Buffer.from(s).toString('base64')}`;
const creds = new Map([['AKIDEXAMPLE', 's3cr3t:with:colons']]);

test('parseBasicAuth splits at the first colon only', () => {
  assert.deepEqual(parseBasicAuth(basic('a:b:c')), { user: 'a', password: 'b:c' });
  assert.deepEqual(parseBasicAuth(basic('a:')), { user: 'a', password: '' });
  for (const h of [undefined, '', 'Bearer x', basic(':x'), basic('nocolon'), 'Basic !!!']) assert.equal(parseBasicAuth(h), undefined, String(h));
});

test('authenticateBasic: access key id + secret access key', () => {
  assert.equal(authenticateBasic(basic('AKIDEXAMPLE:s3cr3t:with:colons'), creds), 'AKIDEXAMPLE');
  assert.equal(authenticateBasic(basic('AKIDEXAMPLE:wrong'), creds), undefined);
  assert.equal(authenticateBasic(basic('OTHER:s3cr3t:with:colons'), creds), undefined);
  assert.equal(authenticateBasic(basic('OTHER:\0unknown'), creds), undefined);
  assert.equal(authenticateBasic(undefined, creds), undefined);
});
