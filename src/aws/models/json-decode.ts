/**
 * Wire JSON → typed operation input, walking the model: blobs (base64) become Buffers, timestamps
 * Dates, numbers of integral shapes are truncated. Unknown members are dropped and nulls count as
 * absent, as AWS's JSON services do.
 *
 * A value of the wrong JSON type is a SerializationException (HTTP 400), raised while decoding,
 * i.e. before validation, with Coral's own messages (recorded against real AWS by dynalite, the
 * DynamoDB emulator, whose tests assert them):
 *   "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String"
 *   "class java.lang.Boolean can not be converted to an Integer", "Start of list found where not expected",
 *   "Start of structure or map found where not expected.", "Expected list or null", "Expected map or null",
 *   "Expected null" (a scalar where a structure belongs).
 */
import { AwsError } from '../protocol/errors.js';
import { decodeBase64Blob } from './base64-blob.js';
import { getShape, inputShapeName, isPlainObject, setOwn } from './model-access.js';
import { parseTimestamp } from './timestamps.js';
import type { ServiceModel, Shape, ShapeRef } from './types.js';

const NUMBER_CLASS = 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';
const JAVA_TYPE: Readonly<Record<string, string>> = {
  string: 'an String', boolean: 'an Boolean', integer: 'an Integer', long: 'an Long',
  float: 'an Float', double: 'an Double', blob: 'a Blob', timestamp: 'milliseconds since epoch',
};
// Coral converts these strings to booleans (dynalite's notes on real DynamoDB); others fail.
const BOOLEAN_STRINGS: Readonly<Record<string, boolean>> = { TRUE: true, YES: true, '1': true, FALSE: false, NO: false, '0': false };
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
// Recursive shapes (SSM InventoryAggregator) let input nest without end; stop before the stack does.
// The wording is ours: AWS's answer for absurd nesting was not observed.
const MAX_DEPTH = 500;

/** Throws AwsError('SerializationException') for a value of the wrong JSON type. */
export function decodeJsonInput(model: ServiceModel, operationName: string, json: unknown): Record<string, unknown> {
  const shapeName = inputShapeName(model, operationName);
  if (shapeName === undefined) return {};
  const decoded = decodeValue(model, getShape(model, shapeName), json ?? {}, 0);
  return isPlainObject(decoded) ? decoded : {};
}

function decodeValue(model: ServiceModel, shape: Shape, value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) throw serialization(`Input nests deeper than ${MAX_DEPTH} levels`);
  switch (shape.type) {
    case 'structure':
      if (shape.document) return value;
      return decodeStructure(model, shape, expectObject(value, 'Expected null'), depth);
    case 'list': {
      if (!Array.isArray(value)) {
        if (isPlainObject(value)) throw serialization('Start of structure or map found where not expected.');
        throw serialization('Expected list or null');
      }
      const item = getShape(model, shape.member?.shape ?? '');
      return value.filter((v) => v !== null).map((v) => decodeValue(model, item, v, depth + 1));
    }
    case 'map': {
      const obj = expectObject(value, 'Expected map or null');
      const item = getShape(model, shape.value?.shape ?? '');
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) if (v !== null) setOwn(out, k, decodeValue(model, item, v, depth + 1));
      return out;
    }
    default:
      return decodeScalar(shape, value);
  }
}

function decodeStructure(model: ServiceModel, shape: Shape, obj: Record<string, unknown>, depth: number): Record<string, unknown> {
  const members = wireMembers(shape);
  const out: Record<string, unknown> = {};
  // Input order, not model order: the first bad value in the document is the one AWS reports.
  for (const [key, value] of Object.entries(obj)) {
    const member = members.get(key);
    if (member === undefined || value === null) continue;
    out[member[0]] = decodeValue(model, getShape(model, member[1].shape), value, depth + 1);
  }
  return out;
}

const wireMemberCache = new WeakMap<Shape, Map<string, [string, ShapeRef]>>();

/** JSON key → [member name, ref]: body members travel under `locationName` when the model gives one. */
function wireMembers(shape: Shape): Map<string, [string, ShapeRef]> {
  let map = wireMemberCache.get(shape);
  if (!map) {
    map = new Map();
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      map.set(ref.location === undefined ? (ref.locationName ?? name) : name, [name, ref]);
    }
    wireMemberCache.set(shape, map);
  }
  return map;
}

function expectObject(value: unknown, scalarMessage: string): Record<string, unknown> {
  if (Array.isArray(value)) throw serialization('Start of list found where not expected');
  if (!isPlainObject(value)) throw serialization(scalarMessage);
  return value;
}

function decodeScalar(shape: Shape, value: unknown): unknown {
  const target = JAVA_TYPE[shape.type] ?? 'an String';
  if (Array.isArray(value)) throw serialization('Start of list found where not expected');
  if (typeof value === 'object' && value !== null) throw serialization('Start of structure or map found where not expected.');
  switch (shape.type) {
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const b = BOOLEAN_STRINGS[value.toUpperCase()];
        if (b !== undefined) return b;
        throw serialization(`'${value.toUpperCase()}' can not be converted to ${target}`);
      }
      break;
    case 'integer':
      if (typeof value === 'number') return Math.min(INT32_MAX, Math.max(INT32_MIN, Math.trunc(value)));
      break;
    case 'long':
      if (typeof value === 'number') return Math.trunc(value);
      break;
    case 'float':
    case 'double':
      if (typeof value === 'number') return value;
      break;
    case 'timestamp': {
      // AWS takes epoch seconds; ISO 8601 strings are accepted too (lenient: no SDK sends them).
      const date = typeof value === 'number' || typeof value === 'string' ? parseTimestamp(value) : undefined;
      if (date) return date;
      break;
    }
    case 'blob':
      if (typeof value === 'string') {
        const decoded = decodeBase64Blob(value);
        if (typeof decoded === 'string') throw serialization(`'${value}' can not be converted to a Blob: ${decoded}`);
        return decoded;
      }
      break;
  }
  throw serialization(`${javaClassOf(value)} can not be converted to ${target}`);
}

function javaClassOf(value: unknown): string {
  if (typeof value === 'number') return NUMBER_CLASS;
  if (typeof value === 'boolean') return 'class java.lang.Boolean';
  return 'class java.lang.String';
}

function serialization(message: string): AwsError {
  return new AwsError('SerializationException', message, 400);
}
