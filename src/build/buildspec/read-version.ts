/**
 * `version` (spec A.2, A.3). 0.2 and 0.1 are the documented versions; YAML may give `0.2` or "0.2",
 * both read as the text "0.2". Anything else:
 *  - absent, empty or `0.0`: the agent falls back to the pre-release format (a `containers` map with
 *    exactly one entry). AWS answers "wrong number of container tags, expected 1" for an empty file
 *    and for a file without `version` (messages.ts). A pre-release file with one container (corpus 051)
 *    is refused by us: its semantics (`during_build`, per-container artifacts) are undocumented.
 *  - any other text: AWS's "invalid buildspec `version` specified: X, see documentation".
 */
import { isMap, isScalar } from 'yaml';
import { invalidVersion, WRONG_CONTAINER_COUNT, atLine, expectedType } from './messages.js';
import { kindOf, scalarText } from './node-reader.js';
import type { Entry, NodeReader, Pos } from './node-reader.js';
import { entryOf } from './read-values.js';
import type { BuildspecVersion } from './types.js';

export type VersionResult =
  | { kind: 'ok'; version: BuildspecVersion }
  /** Reported; the rest is still checked as 0.2 so every other problem is collected too. */
  | { kind: 'invalid'; version: BuildspecVersion }
  /** Reported; the rest of the file follows another schema, so checking stops. */
  | { kind: 'stop' };

export function readVersion(r: NodeReader, root: Entry[], rootPos: Pos): VersionResult {
  const entry = entryOf(root, 'version');
  const value = entry?.value ?? null;
  const pos = entry ? r.posOf(value, entry.pos) : rootPos;
  let text: string | undefined;
  if (value !== null && isScalar(value)) text = scalarText(value);
  else if (value !== null) {
    r.error('INVALID_VERSION', pos, (line) => expectedType('version', 'string', kindOf(value), line));
    return { kind: 'invalid', version: '0.2' };
  }
  if (text === '0.1' || text === '0.2') return { kind: 'ok', version: text };
  if (text === undefined || text === '' || text === '0.0') return legacy(r, root, entry, pos, text);
  r.error('INVALID_VERSION', pos, () => invalidVersion(text));
  return { kind: 'invalid', version: '0.2' };
}

function legacy(r: NodeReader, root: Entry[], entry: Entry | undefined, pos: Pos, text: string | undefined): VersionResult {
  const containers = entryOf(root, 'containers');
  const count = containers && isMap(containers.value) ? containers.value.items.length : 0;
  if (count !== 1) {
    r.error('WRONG_CONTAINER_COUNT', pos, () => WRONG_CONTAINER_COUNT);
  } else {
    r.error('UNSUPPORTED_LEGACY_VERSION', pos, (line) =>
      atLine(`buildspec version ${text ?? '0.0'} (pre-release \`containers\` format) is not supported; use version 0.2`, line),
    );
  }
  if (!entry) {
    r.warn('MISSING_VERSION', pos, (line) => atLine('The buildspec has no `version`; add `version: 0.2` as its first line', line));
  }
  return { kind: 'stop' };
}
