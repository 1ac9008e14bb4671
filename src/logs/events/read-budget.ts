import type { KeyRow } from '../store/event-repo.js';
import { EVENT_OVERHEAD_BYTES } from '../types.js';

/**
 * The longest prefix of `keys` whose events fit in `maxBytes` (message bytes + 26 each, the way
 * AWS sizes a response), but always at least one key so a single large event still moves a
 * reader forward.
 */
export function fitToBytes<K extends KeyRow>(keys: readonly K[], maxBytes: number): K[] {
  let total = 0;
  let n = 0;
  for (const k of keys) {
    const size = k.bytes + EVENT_OVERHEAD_BYTES;
    if (n > 0 && total + size > maxBytes) break;
    total += size;
    n++;
  }
  return keys.slice(0, n);
}
