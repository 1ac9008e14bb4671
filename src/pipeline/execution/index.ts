// The pure per-pipeline execution machine (spec C.5, C.8, C.9); the engine does the I/O.
export { decide } from './decide.js';
export { shapeOf, effectiveMode, type ShapeSource } from './shape.js';
export { initialState } from './initial-state.js';
export { inboundExecutions } from './inbound.js';
export { TIMED_OUT_ERROR } from './action-result.js';
export * from './status.js';
export type * from './types.js';
