/**
 * Server-side input validation as AWS's JSON services (Coral) do it, driven by the model:
 * required members, length/value bounds, patterns and enums, recursively.
 *
 * What AWS does, and so what this does (sources quoted in validate.test.ts):
 * - Paths use lower-camel member names: SSM `MaxResults` is reported at 'maxResults'.
 * - List items of structure type are reported at `<list>.<1-based index>.member.<field>`,
 *   map values of structure type at `<map>.<key>.member.<field>`.
 * - Items of simple type are not reported one by one: the whole list gets one issue, "Member must
 *   satisfy constraint: [<every constraint of the item shape>]"; maps likewise with
 *   "Map keys must satisfy constraint: […]" and "Map value must satisfy constraint: […]".
 * - At most 10 issues are reported (DynamoDB answers "10 validation errors detected" for 27).
 * - Unknown members are ignored; null counts as absent.
 * Values of the wrong JSON type are skipped here: rejecting them is decoding's job
 * (SerializationException, json-decode.ts), which AWS does before validating.
 *
 * Contract: never throws for any `input`; throws only for an operation the model lacks.
 */
import { describeConstraints, failedConstraints } from './constraints.js';
import { getShape, inputShapeName, isPlainObject } from './model-access.js';
import { printValue } from './print-value.js';
import type { ServiceModel, Shape } from './types.js';

export interface ValidationIssue {
  /** Where, as AWS prints it: 'parameterFilters.1.member.key'. */
  path: string;
  /** The constraint sentence: 'Member must not be null'. */
  constraint: string;
  /** The value as AWS prints it, quotes included ("'x'", "null"); undefined for sensitive shapes. */
  printedValue: string | undefined;
}

/** AWS stops collecting after this many. */
export const MAX_VALIDATION_ISSUES = 10;

/** Beyond this nesting (only reachable through recursive shapes) values are not inspected. */
const MAX_DEPTH = 64;

export function validateInput(model: ServiceModel, operationName: string, input: unknown): ValidationIssue[] {
  const shapeName = inputShapeName(model, operationName);
  const issues: ValidationIssue[] = [];
  if (shapeName !== undefined) {
    new Walker(model, issues).structure(getShape(model, shapeName), isPlainObject(input) ? input : {}, '', 0);
  }
  return issues;
}

class Walker {
  constructor(private readonly model: ServiceModel, private readonly issues: ValidationIssue[]) {}

  private get full(): boolean {
    return this.issues.length >= MAX_VALIDATION_ISSUES;
  }

  structure(shape: Shape, value: Record<string, unknown>, path: string, depth: number): void {
    if (shape.document) return;
    const required = new Set(shape.required ?? []);
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      if (this.full) return;
      const memberPath = path === '' ? lowerFirst(name) : `${path}.${lowerFirst(name)}`;
      const member = value[name];
      if (member === null || member === undefined) {
        if (required.has(name)) this.report(ref.shape, member, memberPath, 'Member must not be null');
        continue;
      }
      this.value(ref.shape, member, memberPath, depth + 1);
    }
  }

  private value(shapeName: string, value: unknown, path: string, depth: number): void {
    const shape = getShape(this.model, shapeName);
    for (const constraint of failedConstraints(shape, value)) this.report(shapeName, value, path, constraint);
    if (this.full || depth > MAX_DEPTH) return;
    if (shape.type === 'structure' && isPlainObject(value)) this.structure(shape, value, path, depth);
    else if (shape.type === 'list' && Array.isArray(value) && shape.member) this.list(shapeName, shape.member.shape, value, path, depth);
    else if (shape.type === 'map' && isPlainObject(value) && shape.key && shape.value) {
      this.map(shapeName, shape.key.shape, shape.value.shape, value, path, depth);
    }
  }

  private list(listShape: string, itemShape: string, items: unknown[], path: string, depth: number): void {
    if (isSimple(getShape(this.model, itemShape))) {
      this.collection(listShape, itemShape, items, items, path, 'Member must satisfy constraint');
      return;
    }
    items.forEach((item, i) => {
      if (!this.full && item !== null && item !== undefined) this.value(itemShape, item, `${path}.${i + 1}.member`, depth);
    });
  }

  private map(mapShape: string, keyShape: string, valueShape: string, map: Record<string, unknown>, path: string, depth: number): void {
    this.collection(mapShape, keyShape, Object.keys(map), map, path, 'Map keys must satisfy constraint');
    if (isSimple(getShape(this.model, valueShape))) {
      this.collection(mapShape, valueShape, Object.values(map), map, path, 'Map value must satisfy constraint');
      return;
    }
    for (const [key, item] of Object.entries(map)) {
      if (!this.full && item !== null && item !== undefined) this.value(valueShape, item, `${path}.${key}.member`, depth);
    }
  }

  /** One issue for the whole collection when any item breaks a constraint of the item shape. */
  private collection(collectionShape: string, itemShape: string, items: unknown[], whole: unknown, path: string, lead: string): void {
    const shape = getShape(this.model, itemShape);
    if (items.some((item) => item !== null && item !== undefined && failedConstraints(shape, item).length > 0)) {
      this.report(collectionShape, whole, path, `${lead}: [${describeConstraints(shape).join(', ')}]`);
    }
  }

  private report(shapeName: string, value: unknown, path: string, constraint: string): void {
    if (this.full) return;
    const sensitive = isSensitive(this.model, shapeName, 0);
    const printed = value === null || value === undefined ? 'null' : `'${printValue(this.model, shapeName, value)}'`;
    this.issues.push({ path, constraint, printedValue: sensitive ? undefined : printed });
  }
}

/** Printing the value would show sensitive data: the shape, or the items a list/map prints with it. */
function isSensitive(model: ServiceModel, shapeName: string, depth: number): boolean {
  const shape = model.shapes[shapeName];
  if (!shape || depth > MAX_DEPTH) return false;
  if (shape.sensitive) return true;
  if (shape.type === 'list' && shape.member) return isSensitive(model, shape.member.shape, depth + 1);
  if (shape.type === 'map' && shape.key && shape.value) {
    return isSensitive(model, shape.key.shape, depth + 1) || isSensitive(model, shape.value.shape, depth + 1);
  }
  return false;
}

/** Scalars: their constraints are reported on the enclosing collection, not per item. */
function isSimple(shape: Shape): boolean {
  return shape.type !== 'structure' && shape.type !== 'list' && shape.type !== 'map';
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
