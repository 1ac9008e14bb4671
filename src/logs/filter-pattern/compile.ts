import { compileJsonPattern } from './json-pattern.js';
import { compileTermPattern } from './term-pattern.js';
import type { CompileResult } from './types.js';

/**
 * Compiles a CloudWatch Logs filter pattern. Never throws, whatever the input: a pattern AWS would
 * refuse yields `{ ok: false, message }` with AWS's InvalidParameterException text. An empty or
 * blank pattern matches every event. Space-delimited patterns (`[ip, user, …]`) are not
 * implemented and say so.
 */
export function compileFilterPattern(pattern: string | undefined): CompileResult {
  const p = (pattern ?? '').trim();
  if (p === '') return { ok: true, match: () => true };
  if (p.startsWith('{')) return compileJsonPattern(p);
  if (p.startsWith('[')) return { ok: false, message: 'nagare does not implement space-delimited filter patterns ([field, …]) yet; use terms or a JSON pattern.' };
  return compileTermPattern(p);
}
