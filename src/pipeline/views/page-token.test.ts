import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeToken, encodeToken, numberCursor, pageOf, stringCursor } from './page-token.js';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

test('tokens round-trip and are bound to their listing', () => {
  const t = encodeToken('executions:demo', { before: 42 });
  assert.deepEqual(decodeToken('executions:demo', t), { before: 42 });
  assert.equal(numberCursor('executions:demo', t, 'before'), 42);
  assert.equal(code(() => decodeToken('executions:other', t)), 'InvalidNextTokenException');
  assert.equal(code(() => stringCursor('executions:demo', t, 'before')), 'InvalidNextTokenException', 'wrong cursor type');
  assert.equal(numberCursor('x', undefined, 'before'), undefined);
});

test('garbage and hostile tokens are InvalidNextTokenException', () => {
  for (const bad of ['garbage', '', 'bnVsbA', Buffer.from('{"k":"pipelines","c":null}').toString('base64url'), encodeToken('pipelines', { after: 1 })]) {
    assert.equal(code(() => stringCursor('pipelines', bad, 'after')), 'InvalidNextTokenException', bad);
  }
  const negative = encodeToken('p', { before: -1 });
  assert.equal(code(() => numberCursor('p', negative, 'before')), 'InvalidNextTokenException');
});

test('pageOf reads one row ahead: a token only when more rows exist', () => {
  assert.deepEqual(pageOf([1, 2], 2, String), { items: [1, 2] });
  assert.deepEqual(pageOf([1, 2, 3], 2, String), { items: [1, 2], nextToken: '2' });
});
