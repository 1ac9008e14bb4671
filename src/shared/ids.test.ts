import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomAlnum, randomToken } from './ids.js';

test('randomToken never starts with - or _ (it would read as a CLI flag) and stays URL-safe', () => {
  for (let i = 0; i < 5000; i++) {
    const t = randomToken(12);
    assert.match(t, /^[A-Za-z0-9][A-Za-z0-9_-]*$/, t);
    assert.equal(t.length, 16);
  }
});

test('randomAlnum has the requested length over [A-Za-z0-9]', () => {
  for (const n of [1, 6, 40]) assert.match(randomAlnum(n), new RegExp(`^[A-Za-z0-9]{${n}}$`));
});
