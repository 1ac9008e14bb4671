/** Property tests (DESIGN.md §6) for the `#{namespace.key}` parser and resolver. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseReferences, resolveConfiguration, resolveString } from './variables.js';

const NAME_CHARS = 'abcXYZ019@-_';
const name = fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 8 });
/** Text that contains no `#{`, built from characters that also occur in references. */
const filler = fc.string({ unit: fc.constantFrom(...'ab .}{#$x'), maxLength: 6 }).filter((s) => !s.includes('#'));

test('a reference built from valid parts is always found, with its parts', () => {
  fc.assert(fc.property(filler, name, name, filler, (pre, ns, key, post) => {
    const refs = parseReferences(`${pre}#{${ns}.${key}}${post}`);
    assert.deepEqual(refs.map((r) => [r.namespace, r.key, r.index]), [[ns, key, pre.length]]);
  }));
});

test('parsing never throws and every match round-trips to its text', () => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
    for (const r of parseReferences(text)) {
      assert.equal(text.slice(r.index, r.index + r.text.length), r.text);
      assert.equal(r.text, `#{${r.namespace}.${r.key}}`);
    }
  }));
});

test('text without a well-formed reference resolves to itself', () => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
    if (parseReferences(text).length > 0) return;
    assert.equal(resolveString(text, () => 'X'), text);
  }));
});

test('resolving with a total lookup leaves no reference of the original behind', () => {
  fc.assert(fc.property(fc.array(fc.tuple(name, name), { maxLength: 5 }), filler, (pairs, sep) => {
    const text = pairs.map(([n, k]) => `#{${n}.${k}}`).join(sep);
    const result = resolveConfiguration({ K: text }, (n, k) => `<${n}|${k}>`);
    assert.equal(result.kind, 'resolved');
    if (result.kind === 'resolved') assert.equal(result.configuration['K'], pairs.map(([n, k]) => `<${n}|${k}>`).join(sep));
  }));
});

test('an empty lookup reports exactly the parsed references as unresolved', () => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => {
    const refs = parseReferences(text);
    const result = resolveConfiguration({ K: text }, () => undefined);
    if (refs.length === 0) assert.equal(result.kind, 'resolved');
    else assert.deepEqual(result.kind === 'unresolved' ? result.unresolved.map((u) => u.text) : [], refs.map((r) => r.text));
  }));
});
