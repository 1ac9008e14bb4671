/**
 * `reports` (spec A.11): report group name or ARN → files, base-directory, discard-paths and
 * file-format (case-insensitive, default JUNITXML). At most five groups per project.
 */
import { atLine } from './messages.js';
import type { Entry, NodeReader } from './node-reader.js';
import { dropUndefined, entryOf, readEntries, readString, readStringList, readYesNo, warnUnknownKeys } from './read-values.js';
import { REPORT_FILE_FORMATS } from './types.js';
import type { ReportFileFormat, ReportGroup } from './types.js';

const GROUP_KEYS = ['files', 'base-directory', 'discard-paths', 'file-format'];
const MAX_GROUPS = 5;

export function readReports(r: NodeReader, block: Entry): ReportGroup[] {
  const groups: ReportGroup[] = [];
  const entries = readEntries(r, block.value, 'reports', block.pos);
  for (const entry of entries) groups.push(readGroup(r, entry));
  if (groups.length > MAX_GROUPS) {
    r.warn('TOO_MANY_REPORT_GROUPS', block.pos, (line) =>
      atLine(`reports lists ${groups.length} report groups; a project can have at most ${MAX_GROUPS}`, line),
    );
  }
  return groups;
}

function readGroup(r: NodeReader, group: Entry): ReportGroup {
  const where = `reports/${group.key}`;
  const entries = readEntries(r, group.value, where, group.pos);
  warnUnknownKeys(r, entries, GROUP_KEYS, where);
  const out: ReportGroup = { nameOrArn: group.key, files: [], discardPaths: false, fileFormat: 'JUNITXML' };
  if (!entryOf(entries, 'files')) {
    r.warn('MISSING_FILES', group.pos, (line) => atLine(`${where} has no files: no report will be produced`, line));
  }
  for (const entry of entries) {
    const path = `${where}/${entry.key}`;
    switch (entry.key) {
      case 'files':
        out.files = readStringList(r, entry.value, path, entry.pos);
        break;
      case 'base-directory':
        out.baseDirectory = readString(r, entry.value, path, entry.pos);
        break;
      case 'discard-paths':
        out.discardPaths = readYesNo(r, entry.value, path, entry.pos) ?? false;
        break;
      case 'file-format': {
        const format = readString(r, entry.value, path, entry.pos);
        if (format === undefined) break;
        if (isFormat(format.toUpperCase())) {
          out.fileFormat = format.toUpperCase() as ReportFileFormat;
        } else {
          r.error('INVALID_FILE_FORMAT', r.posOf(entry.value, entry.pos), (line) =>
            atLine(`${path} '${format}' is not one of ${REPORT_FILE_FORMATS.join(', ')}`, line),
          );
        }
        break;
      }
    }
  }
  return dropUndefined(out);
}

function isFormat(value: string): value is ReportFileFormat {
  return (REPORT_FILE_FORMATS as readonly string[]).includes(value);
}
