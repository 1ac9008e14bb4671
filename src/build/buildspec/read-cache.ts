/**
 * `cache` (spec A.13): `paths` (required within `cache`), and the newer `key`, `fallback-keys`
 * (at most 5, ignored without `key`) and `action` (`restore` | `save`; absent = both).
 * A `paths:` whose entries are all commented out (corpus 053) caches nothing: a warning.
 */
import { atLine } from './messages.js';
import type { Entry, NodeReader } from './node-reader.js';
import { dropUndefined, readEntries, readString, readStringList, warnUnknownKeys } from './read-values.js';
import type { CacheSpec } from './types.js';

const CACHE_KEYS = ['paths', 'key', 'fallback-keys', 'action'];
const MAX_FALLBACK_KEYS = 5;

export function readCache(r: NodeReader, block: Entry): CacheSpec {
  const cache: CacheSpec = { paths: [], fallbackKeys: [] };
  const entries = readEntries(r, block.value, 'cache', block.pos);
  warnUnknownKeys(r, entries, CACHE_KEYS, 'cache');
  let fallbackAt = block.pos;
  for (const entry of entries) {
    const path = `cache/${entry.key}`;
    switch (entry.key) {
      case 'paths':
        cache.paths = readStringList(r, entry.value, path, entry.pos);
        break;
      case 'key':
        cache.key = readString(r, entry.value, path, entry.pos);
        break;
      case 'fallback-keys':
        cache.fallbackKeys = readStringList(r, entry.value, path, entry.pos);
        fallbackAt = entry.pos;
        break;
      case 'action': {
        const action = readString(r, entry.value, path, entry.pos);
        if (action === 'restore' || action === 'save') cache.action = action;
        else if (action !== undefined) {
          r.error('INVALID_CACHE_ACTION', r.posOf(entry.value, entry.pos), (line) =>
            atLine(`cache/action must be restore or save: found '${action}'`, line),
          );
        }
        break;
      }
    }
  }
  if (cache.paths.length === 0) {
    r.warn('MISSING_CACHE_PATHS', block.pos, (line) => atLine('cache has no paths: nothing will be cached', line));
  }
  if (cache.fallbackKeys.length > MAX_FALLBACK_KEYS) {
    r.warn('TOO_MANY_FALLBACK_KEYS', fallbackAt, (line) =>
      atLine(`cache/fallback-keys lists ${cache.fallbackKeys.length} keys; at most ${MAX_FALLBACK_KEYS} are used`, line),
    );
  }
  if (cache.fallbackKeys.length > 0 && cache.key === undefined) {
    r.warn('FALLBACK_KEYS_WITHOUT_KEY', fallbackAt, (line) => atLine('cache/fallback-keys are ignored without cache/key', line));
  }
  return dropUndefined(cache);
}
