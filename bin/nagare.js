#!/usr/bin/env node
// Thin launcher: the compiled entry point lives in dist/ (built by `npm ci` through `prepare`).
import('../dist/src/bin/nagare.js').catch((err) => {
  console.error(err instanceof Error && err.code === 'ERR_MODULE_NOT_FOUND'
    ? 'nagare is not built yet: run `npm ci` (or `npm run build`) first.'
    : err);
  process.exit(1);
});
