import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { normaliseDeliveryId, type DeliveryIdResult } from './delivery-dedupe.js';

const id = (r: DeliveryIdResult): string | undefined => (r.ok ? r.id : undefined);

describe('X-GitHub-Delivery normalisation', () => {
  const cases: Array<[string | string[] | undefined, string | undefined]> = [
    ['72d3162e-cc78-11e3-81ab-4c9367dc0958', '72d3162e-cc78-11e3-81ab-4c9367dc0958'],
    ['72D3162E-CC78-11E3-81AB-4C9367DC0958', '72d3162e-cc78-11e3-81ab-4c9367dc0958'],
    ['  72d3162e-cc78-11e3-81ab-4c9367dc0958 ', '72d3162e-cc78-11e3-81ab-4c9367dc0958'],
    [['72d3162e-cc78-11e3-81ab-4c9367dc0958', '72d3162e-cc78-11e3-81ab-4c9367dc0958'], '72d3162e-cc78-11e3-81ab-4c9367dc0958'],
    ['Delivery-ABC', 'Delivery-ABC'], // non-UUID tokens keep their case
    [['a', 'b'], undefined],
    [undefined, undefined],
    ['', undefined],
    ['has space', undefined],
    ['x'.repeat(129), undefined],
    ['caf\u00e9', undefined],
  ];
  for (const [input, expected] of cases) test(`${JSON.stringify(input)?.slice(0, 60) ?? 'undefined'} → ${String(expected)}`, () => assert.equal(id(normaliseDeliveryId(input)), expected));

  test('property: UUIDs that differ only in case normalise to the same key; normalising is idempotent', () => {
    fc.assert(
      fc.property(fc.uuid(), (u) => {
        const a = id(normaliseDeliveryId(u.toUpperCase()));
        assert.equal(a, id(normaliseDeliveryId(u.toLowerCase())));
        assert.equal(id(normaliseDeliveryId(a)), a);
      }),
    );
  });
});
