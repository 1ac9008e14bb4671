import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRawDiff } from './diff.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);

test('parseRawDiff: added, modified, deleted and type-changed files; odd names survive -z', () => {
  const out = Buffer.from(
    [`:000000 100644 ${Z} ${A} A`, 'new file.txt', `:100644 100644 ${A} ${B} M`, 'src/a\nb.ts', `:100755 000000 ${B} ${Z} D`, 'run.sh', `:100644 120000 ${A} ${B} T`, 'link', ''].join('\0'),
  );
  assert.deepEqual(parseRawDiff(out), [
    { afterBlob: { blobId: A, path: 'new file.txt', mode: '100644' }, changeType: 'A' },
    { beforeBlob: { blobId: A, path: 'src/a\nb.ts', mode: '100644' }, afterBlob: { blobId: B, path: 'src/a\nb.ts', mode: '100644' }, changeType: 'M' },
    { beforeBlob: { blobId: B, path: 'run.sh', mode: '100755' }, changeType: 'D' },
    { beforeBlob: { blobId: A, path: 'link', mode: '100644' }, afterBlob: { blobId: B, path: 'link', mode: '120000' }, changeType: 'M' },
  ]);
  assert.deepEqual(parseRawDiff(Buffer.alloc(0)), []);
});
