/**
 * Typed operation output → wire JSON, walking the model: Dates become epoch seconds with a
 * millisecond fraction (or the member's `timestampFormat`), Uint8Arrays base64, undefined and
 * null members are dropped, and so is anything the output shape does not declare (internal
 * fields never leak onto the wire).
 */
import { getShape, isPlainObject, outputShapeName, setOwn } from './model-access.js';
import { formatTimestamp, parseTimestamp } from './timestamps.js';
import type { ServiceModel, ShapeRef, Shape } from './types.js';

export function encodeJsonOutput(model: ServiceModel, operationName: string, output: unknown): Record<string, unknown> {
  const shapeName = outputShapeName(model, operationName);
  if (shapeName === undefined || !isPlainObject(output)) return {};
  return encodeStructure(model, getShape(model, shapeName), output);
}

function encodeStructure(model: ServiceModel, shape: Shape, obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const encoded = encodeValue(model, ref, obj[name]);
    // JSON protocols name body members by `locationName` when the model gives one.
    if (encoded !== undefined) out[ref.location === undefined ? (ref.locationName ?? name) : name] = encoded;
  }
  return out;
}

function encodeValue(model: ServiceModel, ref: ShapeRef, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const shape = getShape(model, ref.shape);
  switch (shape.type) {
    case 'structure':
      if (shape.document) return value;
      return isPlainObject(value) ? encodeStructure(model, shape, value) : undefined;
    case 'list': {
      if (!Array.isArray(value) || !shape.member) return undefined;
      const member = shape.member;
      return value.map((v) => encodeValue(model, member, v)).filter((v) => v !== undefined);
    }
    case 'map': {
      const valueRef = shape.value;
      const entries = value instanceof Map ? [...value.entries()] : isPlainObject(value) ? Object.entries(value) : [];
      const out: Record<string, unknown> = {};
      for (const [k, v] of entries) {
        const encoded = valueRef ? encodeValue(model, valueRef, v) : undefined;
        if (encoded !== undefined) setOwn(out, String(k), encoded);
      }
      return out;
    }
    case 'timestamp': {
      const date = value instanceof Date ? value : typeof value === 'number' || typeof value === 'string' ? parseTimestamp(value) : undefined;
      return date && !Number.isNaN(date.getTime()) ? formatTimestamp(date, ref.timestampFormat ?? shape.timestampFormat) : undefined;
    }
    case 'blob':
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
      return typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : undefined;
    default:
      return value;
  }
}
