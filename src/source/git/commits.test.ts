import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommit, parsePerson } from './commits.js';

test('parseCommit keeps the message byte for byte and skips signature continuation lines', () => {
  const raw = [
    'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    'parent 1111111111111111111111111111111111111111',
    'parent 2222222222222222222222222222222222222222',
    'author Mary Major <mary@example.com> 1484167798 -0800',
    'committer CI <ci@example.com> 1484167800 +0900',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' tree 3333333333333333333333333333333333333333',
    ' -----END PGP SIGNATURE-----',
    '',
    'Fix things\n\nDetails.\n',
  ].join('\n');
  const c = parseCommit('abc', raw);
  assert.equal(c.treeId, '4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  assert.deepEqual(c.parents, ['1111111111111111111111111111111111111111', '2222222222222222222222222222222222222222']);
  assert.equal(c.message, 'Fix things\n\nDetails.\n');
  assert.deepEqual(c.author, { name: 'Mary Major', email: 'mary@example.com', date: new Date(1484167798000), rawDate: '1484167798 -0800' });
  assert.equal(c.committer.rawDate, '1484167800 +0900');
});

test('parsePerson tolerates empty names', () => {
  assert.deepEqual(parsePerson('<a@b> 1 +0000'), { name: '', email: 'a@b', date: new Date(1000), rawDate: '1 +0000' });
});
