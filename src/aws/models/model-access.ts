import type { Operation, ServiceModel, Shape } from './types.js';

/**
 * Lookups that fail loudly: a missing operation or shape here is a bug in our code or in the
 * generator (the gateway only asks for operations the model declares), never a user error.
 */
export function getOperation(model: ServiceModel, operationName: string): Operation {
  const op = model.operations[operationName];
  if (!op) throw new Error(`${model.metadata.serviceId} model has no operation ${operationName}`);
  return op;
}

export function getShape(model: ServiceModel, shapeName: string): Shape {
  const shape = model.shapes[shapeName];
  if (!shape) throw new Error(`${model.metadata.serviceId} model has no shape ${shapeName}`);
  return shape;
}

/** The operation's input shape name, or undefined for operations without input. */
export function inputShapeName(model: ServiceModel, operationName: string): string | undefined {
  return getOperation(model, operationName).input?.shape;
}

/** The operation's output shape name, or undefined for operations without output. */
export function outputShapeName(model: ServiceModel, operationName: string): string | undefined {
  return getOperation(model, operationName).output?.shape;
}

/** A JSON object that is not an array or a binary/date value: the only thing a structure decodes from. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    !(value instanceof Uint8Array) && !(value instanceof Date);
}

/** `obj[key] = value` that stays an own data property even for a user-supplied key like "__proto__". */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
