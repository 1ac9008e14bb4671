/**
 * Property: for every SSM and Secrets Manager operation, arbitrary JSON never makes the validator
 * or the decoder throw anything but AWS's SerializationException. Inputs are drawn both as free
 * JSON and as "almost right" values that follow the model's shapes, so deep paths get exercised.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isAwsError } from '../protocol/errors.js';
import { secretsmanagerModel, ssmModel } from './generated/index.js';
import { decodeJsonInput } from './json-decode.js';
import type { ServiceModel } from './types.js';
import { MAX_VALIDATION_ISSUES, validateInput } from './validate.js';
import { formatValidationMessage } from './validation-message.js';

/** Values shaped like `shapeName`, with any JSON mixed in at every level. */
function shaped(model: ServiceModel, shapeName: string, depth: number): fc.Arbitrary<unknown> {
  const shape = model.shapes[shapeName];
  const anyJson = fc.jsonValue({ maxDepth: 2 });
  if (!shape || depth > 4) return anyJson;
  const typed = ((): fc.Arbitrary<unknown> => {
    switch (shape.type) {
      case 'structure': {
        const members = Object.entries(shape.members ?? {});
        if (members.length === 0 || shape.document) return fc.constant({});
        return fc.record(Object.fromEntries(members.map(([name, ref]) => [name, shaped(model, ref.shape, depth + 1)])), { requiredKeys: [] });
      }
      case 'list':
        return fc.array(shaped(model, shape.member?.shape ?? '', depth + 1), { maxLength: 4 });
      case 'map':
        return fc.dictionary(fc.string({ maxLength: 8 }), shaped(model, shape.value?.shape ?? '', depth + 1), { maxKeys: 3 });
      case 'string':
        return shape.enum ? fc.oneof(fc.constantFrom(...shape.enum), fc.string()) : fc.string({ maxLength: 40 });
      case 'boolean':
        return fc.boolean();
      case 'blob':
        return fc.oneof(fc.base64String({ maxLength: 12 }), fc.string({ maxLength: 6 }));
      case 'timestamp':
        return fc.oneof(fc.double({ noNaN: true }), fc.string({ maxLength: 10 }));
      default:
        return fc.oneof(fc.integer(), fc.double());
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: anyJson });
}

function checkOperation(model: ServiceModel, op: string, input: unknown): void {
  const raw = validateInput(model, op, input);
  assert.ok(raw.length <= MAX_VALIDATION_ISSUES);
  let decoded: Record<string, unknown>;
  try {
    decoded = decodeJsonInput(model, op, input);
  } catch (err) {
    assert.ok(isAwsError(err) && err.code === 'SerializationException', `unexpected ${String(err)}`);
    return;
  }
  const issues = validateInput(model, op, decoded);
  if (issues.length > 0) assert.match(formatValidationMessage(issues), /^\d+ validation errors? detected: Value/);
}

for (const model of [ssmModel, secretsmanagerModel]) {
  describe(`${model.metadata.serviceId}: validate/decode never throw unexpectedly`, () => {
    for (const [op, operation] of Object.entries(model.operations)) {
      const inputShape = operation.input?.shape ?? '';
      it(op, () => {
        fc.assert(fc.property(fc.oneof(fc.jsonValue(), shaped(model, inputShape, 0)), (input) => checkOperation(model, op, input)),
          { numRuns: 25 });
      });
    }
  });
}
