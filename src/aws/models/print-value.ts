/**
 * How AWS (Coral, Java) renders the offending value in "Value '…' at 'path'": Java toString()s.
 * Recorded against real DynamoDB/Kinesis by dynalite/kinesalite and seen in AWS answers:
 *   strings and numbers as is ('abc;', '-1'), lists as `[a, b]` ('[]'), maps as `{k=v}`,
 *   blobs as `java.nio.HeapByteBuffer[pos=0 lim=N cap=N]`, structures as
 *   `com.amazonaws.<service>.v<date>.<Shape>@<hash>` (Object.toString; the hash is Java's
 *   identity hash, which we cannot reproduce, so ours is a stable hash of the value).
 * Sensitive shapes print no value at all ("Value at 'password'"): see validate.ts.
 */
import { isPlainObject } from './model-access.js';
import type { ServiceModel } from './types.js';

/** The value as AWS would print it, without the surrounding quotes. */
export function printValue(model: ServiceModel, shapeName: string | undefined, value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'null';
  const shape = shapeName === undefined ? undefined : model.shapes[shapeName];
  if (depth > 8) return '...';
  if (value instanceof Uint8Array || shape?.type === 'blob') {
    const n = value instanceof Uint8Array ? value.byteLength : typeof value === 'string' ? Buffer.from(value, 'base64').byteLength : 0;
    return `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'null' : value.toISOString();
  if (Array.isArray(value)) {
    return `[${value.map((v) => printValue(model, shape?.member?.shape, v, depth + 1)).join(', ')}]`;
  }
  if (isPlainObject(value)) {
    if (shape?.type === 'structure' && !shape.document) return objectToString(model, shapeName ?? 'Object', value);
    const valueShape = shape?.value?.shape;
    return `{${Object.entries(value).map(([k, v]) => `${k}=${printValue(model, valueShape, v, depth + 1)}`).join(', ')}}`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? 'null';
}

function objectToString(model: ServiceModel, shapeName: string, value: Record<string, unknown>): string {
  const { signingName, endpointPrefix, apiVersion } = model.metadata;
  const ns = `com.amazonaws.${signingName ?? endpointPrefix}.v${apiVersion.replace(/-/g, '')}`;
  return `${ns}.${shapeName}@${javaStringHash(JSON.stringify(value) ?? '').toString(16)}`;
}

/** Java's String.hashCode, as an unsigned 32-bit number. */
function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h >>> 0;
}
