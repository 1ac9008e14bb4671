export { compileFilterPattern } from './compile.js';
export type { CompileResult, EventMatcher } from './types.js';
