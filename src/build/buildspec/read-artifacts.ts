/**
 * `artifacts` (spec A.12). `files` is documented as required even when only `secondary-artifacts`
 * are used, yet such files run on AWS (corpus 034, a CodePipeline sample): the requirement bites at
 * UPLOAD_ARTIFACTS, not at parse time, so a missing `files` is a warning and `hasFiles` tells the
 * executor. `type` is the 0.1-era packaging key, accepted and ignored.
 */
import { atLine } from './messages.js';
import type { Entry, NodeReader } from './node-reader.js';
import { dropUndefined, entryOf, readEntries, readString, readStringList, readYesNo, warnUnknownKeys } from './read-values.js';
import type { ArtifactSpec, Artifacts, SecondaryArtifact } from './types.js';

const SPEC_KEYS = ['files', 'name', 'discard-paths', 'base-directory', 'exclude-paths', 'enable-symlinks', 's3-prefix'];
const PRIMARY_KEYS = [...SPEC_KEYS, 'secondary-artifacts', 'type'];

export function readArtifacts(r: NodeReader, block: Entry): Artifacts {
  const entries = readEntries(r, block.value, 'artifacts', block.pos);
  warnUnknownKeys(r, entries, PRIMARY_KEYS, 'artifacts');
  const spec = readSpec(r, entries, 'artifacts');
  const hasFiles = entryOf(entries, 'files') !== undefined;
  if (!hasFiles) {
    r.warn('MISSING_FILES', block.pos, (line) =>
      atLine('artifacts has no files: the primary artifact upload fails with CLIENT_ERROR unless the project has none', line),
    );
  }
  const secondary = entryOf(entries, 'secondary-artifacts');
  return { ...spec, hasFiles, secondaryArtifacts: secondary ? readSecondary(r, secondary) : [] };
}

function readSecondary(r: NodeReader, block: Entry): SecondaryArtifact[] {
  const out: SecondaryArtifact[] = [];
  for (const entry of readEntries(r, block.value, 'artifacts/secondary-artifacts', block.pos)) {
    const where = `artifacts/secondary-artifacts/${entry.key}`;
    const entries = readEntries(r, entry.value, where, entry.pos);
    warnUnknownKeys(r, entries, SPEC_KEYS, where);
    if (!entryOf(entries, 'files')) {
      r.warn('MISSING_FILES', entry.pos, (line) => atLine(`${where} has no files: nothing will be uploaded`, line));
    }
    out.push({ identifier: entry.key, ...readSpec(r, entries, where) });
  }
  return out;
}

function readSpec(r: NodeReader, entries: Entry[], where: string): ArtifactSpec {
  const spec: ArtifactSpec = { files: [], discardPaths: false, excludePaths: [], enableSymlinks: false };
  for (const entry of entries) {
    const path = `${where}/${entry.key}`;
    switch (entry.key) {
      case 'files':
        spec.files = readStringList(r, entry.value, path, entry.pos);
        break;
      case 'name':
        spec.name = readString(r, entry.value, path, entry.pos);
        break;
      case 'discard-paths':
        spec.discardPaths = readYesNo(r, entry.value, path, entry.pos) ?? false;
        break;
      case 'base-directory':
        spec.baseDirectory = readString(r, entry.value, path, entry.pos);
        break;
      case 'exclude-paths':
        spec.excludePaths = readStringList(r, entry.value, path, entry.pos);
        break;
      case 'enable-symlinks':
        spec.enableSymlinks = readYesNo(r, entry.value, path, entry.pos) ?? false;
        break;
      case 's3-prefix':
        spec.s3Prefix = readString(r, entry.value, path, entry.pos);
        break;
    }
  }
  return dropUndefined(spec);
}
