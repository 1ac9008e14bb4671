import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCgiHead } from './cgi-response.js';

test('parseCgiHead: CRLF head with Status, body bytes kept intact', () => {
  const body = Buffer.from([0x30, 0x30, 0x30, 0x30, 0x0a, 0x0a, 0xff]);
  const head = parseCgiHead(Buffer.concat([Buffer.from('Status: 404 Not Found\r\nContent-Type: text/plain\r\nExpires: Fri, 01 Jan 1980 00:00:00 GMT\r\n\r\n'), body]));
  assert.ok(head);
  assert.equal(head.status, 404);
  assert.deepEqual(head.headers, { 'Content-Type': 'text/plain', Expires: 'Fri, 01 Jan 1980 00:00:00 GMT' });
  assert.deepEqual(head.rest, body);
});

test('parseCgiHead: LF-only heads, default status 200, incomplete heads wait', () => {
  const head = parseCgiHead(Buffer.from('Content-Type: application/x-git-upload-pack-advertisement\n\nPKT'));
  assert.deepEqual(head && { status: head.status, headers: head.headers, rest: head.rest.toString() }, {
    status: 200,
    headers: { 'Content-Type': 'application/x-git-upload-pack-advertisement' },
    rest: 'PKT',
  });
  assert.equal(parseCgiHead(Buffer.from('Content-Type: text/plain\r\n')), undefined);
  assert.equal(parseCgiHead(Buffer.from('Status: 999 Nope\r\n\r\n'))?.status, 200);
});
