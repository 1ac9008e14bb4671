/**
 * parseBuildspec: buildspec text → the normalised Buildspec plus every diagnostic found (spec Part A).
 * Pure: no I/O. A buildspec is returned only when there is no error; warnings never block it.
 * Order of checks follows the agent: YAML syntax first (nothing else is read when it fails), then
 * `version` (which decides the schema), then every block; all problems of a stage are collected.
 */
import { isMap } from 'yaml';
import { errorMessage } from '../../shared/index.js';
import { hasErrors, sortByPosition } from './diagnostic.js';
import type { Diagnostic } from './diagnostic.js';
import { atLine, expectedType, unknownKey, WRONG_CONTAINER_COUNT } from './messages.js';
import { isNullish, kindOf, NodeReader } from './node-reader.js';
import type { Entry, Pos } from './node-reader.js';
import { readArtifacts } from './read-artifacts.js';
import { readBatch } from './read-batch.js';
import { readCache } from './read-cache.js';
import { readEnv } from './read-env.js';
import { readPhases } from './read-phases.js';
import { readReports } from './read-reports.js';
import { entryOf, readEntries, readString, readYesNo } from './read-values.js';
import { readVersion } from './read-version.js';
import type { Buildspec, BuildspecVersion, ProxySpec } from './types.js';
import { parseYaml } from './yaml-syntax.js';

export interface ParseBuildspecResult {
  buildspec?: Buildspec;
  diagnostics: Diagnostic[];
}

const COMMON_KEYS = ['version', 'run-as', 'proxy', 'batch', 'phases', 'reports', 'artifacts', 'cache'];
const ENV_KEY: Record<BuildspecVersion, string> = { '0.1': 'environment_variables', '0.2': 'env' };
const TOP: Pos = { line: 1, column: 1 };

export function parseBuildspec(text: string, file: string): ParseBuildspecResult {
  try {
    return parse(text, file);
  } catch (err) {
    // A bug of ours must still surface as a diagnostic, never as a stack trace (DESIGN.md §5).
    const message = `Internal error while reading the buildspec: ${errorMessage(err)}`;
    return { diagnostics: [{ file, ...TOP, severity: 'error', code: 'INTERNAL_ERROR', message }] };
  }
}

function parse(text: string, file: string): ParseBuildspecResult {
  const yaml = parseYaml(text, file);
  if (hasErrors(yaml.diagnostics)) return { diagnostics: sortByPosition(yaml.diagnostics) };
  const r = new NodeReader(file, yaml.doc, yaml.lines);
  r.diagnostics.push(...yaml.diagnostics);
  const buildspec = readRoot(r, file);
  const diagnostics = sortByPosition(r.diagnostics);
  return buildspec && !hasErrors(diagnostics) ? { buildspec, diagnostics } : { diagnostics };
}

function readRoot(r: NodeReader, file: string): Buildspec | undefined {
  const root = r.resolve(r.documentContents());
  if (isNullish(root)) {
    // An empty file takes the same pre-release path as a file without `version` (read-version.ts).
    r.error('EMPTY_BUILDSPEC', TOP, () => WRONG_CONTAINER_COUNT);
    return undefined;
  }
  const rootPos = r.posOf(root, TOP);
  if (!isMap(root)) {
    r.error('ROOT_NOT_MAP', rootPos, (line) => expectedType('the buildspec', 'map', kindOf(root), line));
    return undefined;
  }
  const entries = r.entries(root, 'the buildspec');
  const version = readVersion(r, entries, rootPos);
  if (version.kind === 'stop') return undefined;
  warnTopLevel(r, entries, version.version);
  const phases = entryOf(entries, 'phases');
  const batch = entryOf(entries, 'batch');
  if (!phases || isNullish(phases.value)) {
    if (!batch) r.warn('NO_PHASES', phases?.pos ?? rootPos, (line) => atLine('The buildspec has no phases: a build runs no commands', line));
  }
  const artifacts = entryOf(entries, 'artifacts');
  const cache = entryOf(entries, 'cache');
  const reports = entryOf(entries, 'reports');
  const runAs = entryOf(entries, 'run-as');
  const buildspec: Buildspec = {
    file,
    version: version.version,
    env: readEnv(r, entries, version.version),
    proxy: readProxy(r, entryOf(entries, 'proxy')),
    phases: phases ? readPhases(r, phases) : [],
    reports: reports ? readReports(r, reports) : [],
  };
  const user = runAs ? readString(r, runAs.value, 'run-as', runAs.pos) : undefined;
  if (user) buildspec.runAs = user;
  if (batch) buildspec.batch = readBatch(r, batch);
  if (artifacts) buildspec.artifacts = readArtifacts(r, artifacts);
  if (cache) buildspec.cache = readCache(r, cache);
  return buildspec;
}

/** Unknown top-level keys are ignored by AWS; the 0.1/0.2 env names get a pointed hint. */
function warnTopLevel(r: NodeReader, entries: Entry[], version: BuildspecVersion): void {
  const known = [...COMMON_KEYS, ENV_KEY[version]];
  const other = version === '0.1' ? '0.2' : '0.1';
  for (const entry of entries.filter((e) => !known.includes(e.key))) {
    if (entry.key === ENV_KEY[other]) {
      r.warn('UNKNOWN_KEY', entry.pos, (line) =>
        atLine(`'${entry.key}' is the version ${other} name; version ${version} reads '${ENV_KEY[version]}', so it is ignored`, line),
      );
    } else {
      r.warn('UNKNOWN_KEY', entry.pos, (line) => unknownKey(entry.key, 'the buildspec', line));
    }
  }
}

/** `proxy` (spec A.6): both flags default to no. */
function readProxy(r: NodeReader, block: Entry | undefined): ProxySpec {
  const proxy: ProxySpec = { uploadArtifacts: false, logs: false };
  if (!block) return proxy;
  const entries = readEntries(r, block.value, 'proxy', block.pos);
  for (const entry of entries) {
    if (entry.key === 'upload-artifacts') proxy.uploadArtifacts = readYesNo(r, entry.value, 'proxy/upload-artifacts', entry.pos) ?? false;
    else if (entry.key === 'logs') proxy.logs = readYesNo(r, entry.value, 'proxy/logs', entry.pos) ?? false;
    else r.warn('UNKNOWN_KEY', entry.pos, (line) => unknownKey(entry.key, 'proxy', line));
  }
  return proxy;
}
