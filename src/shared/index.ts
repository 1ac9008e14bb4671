export * from './errors.js';
export * from './clock.js';
export * from './ids.js';
export * from './arn.js';
export * from './logger.js';
export * from './background.js';
export * from './page-token.js';
