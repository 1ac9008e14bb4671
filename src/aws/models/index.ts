export type * from './types.js';
export { validateInput, MAX_VALIDATION_ISSUES, type ValidationIssue } from './validate.js';
export { formatValidationIssue, formatValidationMessage } from './validation-message.js';
export { decodeJsonInput } from './json-decode.js';
export { encodeJsonOutput } from './json-encode.js';
export { compileJavaPattern } from './java-regex.js';
export { getOperation, getShape } from './model-access.js';
export * from './generated/index.js';
