import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MaskedLines } from './masked-lines.js';
import { Masker } from './masker.js';

test('masker: exact-string replacement by *** (spec A.5)', () => {
  const m = new Masker(['hunter2', 'p@ss.word*']);
  assert.equal(m.mask('login hunter2 and p@ss.word* twice hunter2'), 'login *** and *** twice ***');
  // Transformed values are not masked — same as AWS.
  assert.equal(m.mask('2retnuh'), '2retnuh');
});

test('masker: longest secret first; empty and blank values ignored; multi-line secrets per line', () => {
  const m = new Masker(['abc', 'abcdef', '', '  ', '-----BEGIN-----\nMIIBOgIB\n-----END-----']);
  assert.equal(m.mask('xabcdefx abc'), 'x***x ***');
  assert.equal(m.mask('MIIBOgIB'), '***');
  assert.equal(m.mask(''), '');
});

test('masked lines: a secret split across output chunks is masked (line by line)', () => {
  const lines = new MaskedLines(new Masker(['s3cr3t-value']));
  assert.deepEqual(lines.push('token=s3c'), []);
  assert.deepEqual(lines.push('r3t-val'), []);
  assert.deepEqual(lines.push('ue done\nnext s3cr3t'), ['token=*** done']);
  assert.deepEqual(lines.push('-value\n'), ['next ***']);
  assert.deepEqual(lines.end(), []);
});

test('masked lines: UTF-8 split inside a character, unterminated last line', () => {
  const lines = new MaskedLines(new Masker([]));
  const bytes = Buffer.from('日本\nend', 'utf8');
  assert.deepEqual(lines.push(bytes.subarray(0, 2)), []);
  assert.deepEqual(lines.push(bytes.subarray(2)), ['日本']);
  assert.deepEqual(lines.end(), ['end']);
});

test('masked lines: an endless line is cut into bounded pieces, never through a secret', () => {
  const secret = 'SECRETSECRET';
  const lines = new MaskedLines(new Masker([secret]), 20);
  const out: string[] = [];
  const text = 'a'.repeat(15) + secret + 'b'.repeat(30) + secret + 'c'.repeat(5);
  for (const ch of text) out.push(...lines.push(ch));
  out.push(...lines.end());
  assert.ok(out.length > 1);
  assert.equal(out.join(''), 'a'.repeat(15) + '***' + 'b'.repeat(30) + '***' + 'c'.repeat(5));
  assert.ok(!out.join('\n').includes('SECRET'));
  assert.ok(out.every((l) => l.length <= 20 + secret.length));
});

test('masked lines: 50 MB without newlines keeps memory bounded', () => {
  const lines = new MaskedLines(new Masker(['xyz']), 1024);
  const chunk = 'x'.repeat(64 * 1024);
  let count = 0;
  for (let i = 0; i < 800; i++) count += lines.push(chunk).length;
  assert.ok(count >= 800 * 63);
  assert.ok(lines.end().join('').length <= 1024 + 3);
});
