import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../shared/index.js';
import { validateParameterFilters } from './filters.js';
import { decodePageToken } from './page-token.js';
import { nameKey, parameterArn, parseParameterRef, validateNewName } from './parameter-name.js';
import { isUnderPath, validatePath } from './path.js';

const scope = { accountId: '000000000000', region: 'us-east-1' };
const nameChars = fc.constantFrom(...'abcXYZ019_.-/: '.split(''), 'ü', '\n');
const anyName = fc.oneof(fc.string(), fc.string({ unit: nameChars, maxLength: 40 }));

function onlyAppErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppError, `threw a non-AppError: ${String(err)}`);
  }
}

test('validateNewName throws nothing but AppError, and what it accepts parses back to itself', () => {
  fc.assert(
    fc.property(anyName, (raw) => {
      onlyAppErrors(() => {
        const name = validateNewName(raw, scope);
        const ref = parseParameterRef(name, scope);
        assert.deepEqual(ref, { name, key: nameKey(name) });
        assert.deepEqual(parseParameterRef(parameterArn(scope, name), scope)?.key, nameKey(name));
      });
    }),
    { numRuns: 2000 },
  );
});

test('parseParameterRef never throws', () => {
  fc.assert(fc.property(fc.oneof(anyName, anyName.map((s) => `arn:aws:ssm:us-east-1:000000000000:parameter/${s}`)), (raw) => {
    parseParameterRef(raw, scope);
  }), { numRuns: 2000 });
});

test('selectors round-trip', () => {
  const segment = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,10}$/);
  fc.assert(
    fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 2_000_000 }), (segs, v) => {
      const name = `/${segs.join('/')}`;
      assert.equal(parseParameterRef(`${name}:${v}`, scope)?.selector?.text, `:${v}`);
    }),
  );
});

test('path and filter validation and page tokens throw nothing but AppError', () => {
  fc.assert(fc.property(anyName, fc.boolean(), (p, r) => onlyAppErrors(() => { validatePath(p); isUnderPath('/a/b', p, r); })), { numRuns: 1000 });
  fc.assert(fc.property(fc.string(), (t) => onlyAppErrors(() => decodePageToken(t))), { numRuns: 1000 });
  const filter = fc.record({ Key: fc.constantFrom('Name', 'Type', 'KeyId', 'Path', 'Label', 'Tier', 'DataType', 'tag:x'), Option: fc.option(fc.string(), { nil: undefined }), Values: fc.option(fc.array(anyName), { nil: undefined }) });
  fc.assert(fc.property(fc.array(filter, { maxLength: 4 }), fc.constantFrom('describe' as const, 'by-path' as const), (fs, mode) => onlyAppErrors(() => validateParameterFilters(fs, mode))), { numRuns: 1000 });
});
