/**
 * The constraint sentences AWS prints after "failed to satisfy constraint: ", and the checks
 * behind them, for one value against its own shape (members and items are validate.ts's job).
 *
 * Order is max, min, pattern, enum: AWS lists a collection item's constraints in that order, e.g.
 * ACM's "Member must satisfy constraint: [Member must have length less than or equal to 253,
 * Member must have length greater than or equal to 1, Member must satisfy regular expression
 * pattern: …]".
 */
import { compileJavaPattern } from './java-regex.js';
import type { Shape } from './types.js';

/** Every constraint the shape declares, as AWS words it. */
export function describeConstraints(shape: Shape): string[] {
  return checks(shape).map((c) => c.text);
}

/** The constraints `value` violates. A value of the wrong JSON type violates none (decoding rejects it). */
export function failedConstraints(shape: Shape, value: unknown): string[] {
  return checks(shape).filter((c) => c.fails(value)).map((c) => c.text);
}

interface Check {
  text: string;
  fails(value: unknown): boolean;
}

const checkCache = new WeakMap<Shape, Check[]>();

function checks(shape: Shape): Check[] {
  let cached = checkCache.get(shape);
  if (!cached) {
    cached = buildChecks(shape);
    checkCache.set(shape, cached);
  }
  return cached;
}

function buildChecks(shape: Shape): Check[] {
  const out: Check[] = [];
  const numeric = isNumeric(shape);
  const measure = numeric ? numberOf : (v: unknown) => lengthOf(shape, v);
  const what = numeric ? 'value' : 'length';
  const { max, min, pattern } = shape;
  if (max !== undefined) {
    out.push({ text: `Member must have ${what} less than or equal to ${bound(shape, max)}`, fails: (v) => (measure(v) ?? max) > max });
  }
  if (min !== undefined) {
    out.push({ text: `Member must have ${what} greater than or equal to ${bound(shape, min)}`, fails: (v) => (measure(v) ?? min) < min });
  }
  if (pattern !== undefined && shape.type === 'string') {
    const re = compileJavaPattern(pattern);
    // An unconvertible pattern is not checked (see java-regex.ts); it is still listed in
    // item-constraint brackets, as AWS lists every constraint there.
    out.push({ text: `Member must satisfy regular expression pattern: ${pattern}`, fails: (v) => typeof v === 'string' && re !== undefined && !re.test(v) });
  }
  if (shape.enum !== undefined && shape.type === 'string') {
    const allowed = new Set(shape.enum);
    out.push({ text: `Member must satisfy enum value set: [${shape.enum.join(', ')}]`, fails: (v) => typeof v === 'string' && !allowed.has(v) });
  }
  return out;
}

function isNumeric(shape: Shape): boolean {
  return shape.type === 'integer' || shape.type === 'long' || shape.type === 'float' || shape.type === 'double';
}

/** Java prints double bounds with a fraction ("1.0"); integral types without. */
function bound(shape: Shape, n: number): string {
  return (shape.type === 'double' || shape.type === 'float') && Number.isInteger(n) ? `${n}.0` : String(n);
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Length in AWS's terms: UTF-16 units for strings (as Java's String.length), bytes for blobs, entries for maps. */
function lengthOf(shape: Shape, value: unknown): number | undefined {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string' ? value.length : undefined;
    case 'blob':
      if (value instanceof Uint8Array) return value.byteLength;
      return typeof value === 'string' ? Buffer.from(value, 'base64').byteLength : undefined;
    case 'list':
      return Array.isArray(value) ? value.length : undefined;
    case 'map':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).length : undefined;
    default:
      return undefined;
  }
}
