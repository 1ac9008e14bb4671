/**
 * `batch` (spec A.7, `[CBUG:batch-build-buildspec]`). Recognised and kept for batch builds, which
 * nagare does not run yet. A normal build never reads this block, so nothing in it may fail one:
 * every problem found here is reported as a warning.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { atLine } from './messages.js';
import { scalarText } from './node-reader.js';
import type { Entry, NodeReader } from './node-reader.js';
import {
  dropUndefined, entryOf, readEntries, readString, readStringList, readStringMap, readYesNo, warnUnknownKeys,
} from './read-values.js';
import type { BatchMatrix, BatchSpec, BatchTask, BatchTaskEnv } from './types.js';

const TYPES = ['build-list', 'build-graph', 'build-matrix', 'build-fanout'] as const;
const TASK_KEYS = ['identifier', 'buildspec', 'debug-session', 'env', 'ignore-failure'];
const ENV_KEYS = ['compute-type', 'image', 'privileged-mode', 'type', 'variables'];
const MAX_PLAIN_DEPTH = 16;

export function readBatch(r: NodeReader, block: Entry): BatchSpec {
  const start = r.diagnostics.length;
  const batch = readBatchBlock(r, block);
  for (let i = start; i < r.diagnostics.length; i++) {
    const d = r.diagnostics[i];
    if (d) r.diagnostics[i] = { ...d, severity: 'warning' };
  }
  return batch;
}

function readBatchBlock(r: NodeReader, block: Entry): BatchSpec {
  const entries = readEntries(r, block.value, 'batch', block.pos);
  warnUnknownKeys(r, entries, ['fast-fail', ...TYPES], 'batch');
  const fastFail = entryOf(entries, 'fast-fail');
  const batch: BatchSpec = {
    fastFail: fastFail ? (readYesNo(r, fastFail.value, 'batch/fast-fail', fastFail.pos) ?? false) : false,
    tasks: [],
  };
  const types = entries.filter((e) => (TYPES as readonly string[]).includes(e.key));
  if (types.length !== 1) {
    r.warn('BATCH_INVALID', block.pos, (line) => atLine(`batch must define exactly one of ${TYPES.join(', ')}`, line));
  }
  const chosen = types[0];
  if (!chosen) return batch;
  batch.type = chosen.key as BatchSpec['type'];
  if (chosen.key === 'build-list' || chosen.key === 'build-graph') batch.tasks = readTasks(r, chosen);
  if (chosen.key === 'build-matrix') batch.matrix = readMatrix(r, chosen);
  if (chosen.key === 'build-fanout') batch.fanout = toPlain(r, chosen.value, 0);
  return batch;
}

function readTasks(r: NodeReader, block: Entry): BatchTask[] {
  const where = `batch/${block.key}`;
  const graph = block.key === 'build-graph';
  if (!isSeq(block.value)) {
    r.warn('BATCH_INVALID', block.pos, (line) => atLine(`${where} must be a sequence of tasks`, line));
    return [];
  }
  const tasks: BatchTask[] = [];
  for (const raw of block.value.items) {
    const item = r.resolve(raw);
    const pos = r.posOf(item, block.pos);
    const entries = readEntries(r, item, `${where}[${tasks.length}]`, pos);
    warnUnknownKeys(r, entries, graph ? [...TASK_KEYS, 'depend-on'] : TASK_KEYS, where);
    const value = (key: string): Entry | undefined => entryOf(entries, key);
    const identifier = value('identifier');
    const task: BatchTask = {
      identifier: identifier ? (readString(r, identifier.value, `${where}/identifier`, identifier.pos) ?? '') : '',
      buildspec: optional(r, value('buildspec'), `${where}/buildspec`),
      debugSession: flag(r, value('debug-session'), `${where}/debug-session`),
      dependOn: listOf(r, value('depend-on'), `${where}/depend-on`),
      ignoreFailure: flag(r, value('ignore-failure'), `${where}/ignore-failure`) ?? false,
      env: readTaskEnv(r, value('env'), `${where}/env`),
    };
    if (task.identifier === '') r.warn('BATCH_INVALID', pos, (line) => atLine(`${where} task has no identifier`, line));
    tasks.push(dropUndefined(task));
  }
  if (graph) checkGraph(r, tasks, block);
  return tasks;
}

function checkGraph(r: NodeReader, tasks: BatchTask[], block: Entry): void {
  const ids = new Set(tasks.map((t) => t.identifier));
  for (const task of tasks) {
    for (const dep of task.dependOn.filter((d) => !ids.has(d))) {
      r.warn('BATCH_INVALID', block.pos, (line) =>
        atLine(`batch/build-graph task '${task.identifier}' depends on unknown task '${dep}'`, line),
      );
    }
  }
}

function readTaskEnv(r: NodeReader, entry: Entry | undefined, where: string): BatchTaskEnv | undefined {
  if (!entry) return undefined;
  const entries = readEntries(r, entry.value, where, entry.pos);
  warnUnknownKeys(r, entries, ENV_KEYS, where);
  const variables = entryOf(entries, 'variables');
  return dropUndefined({
    computeType: optional(r, entryOf(entries, 'compute-type'), `${where}/compute-type`),
    image: optional(r, entryOf(entries, 'image'), `${where}/image`),
    privilegedMode: flag(r, entryOf(entries, 'privileged-mode'), `${where}/privileged-mode`),
    type: optional(r, entryOf(entries, 'type'), `${where}/type`),
    variables: variables ? readStringMap(r, variables.value, `${where}/variables`, variables.pos) : {},
  });
}

function readMatrix(r: NodeReader, block: Entry): BatchMatrix {
  const entries = readEntries(r, block.value, 'batch/build-matrix', block.pos);
  warnUnknownKeys(r, entries, ['static', 'dynamic'], 'batch/build-matrix');
  const staticBlock = entryOf(entries, 'static');
  const staticEntries = staticBlock ? readEntries(r, staticBlock.value, 'batch/build-matrix/static', staticBlock.pos) : [];
  warnUnknownKeys(r, staticEntries, ['ignore-failure', 'env'], 'batch/build-matrix/static');
  const dynamicBlock = entryOf(entries, 'dynamic');
  const dynamicEntries = dynamicBlock ? readEntries(r, dynamicBlock.value, 'batch/build-matrix/dynamic', dynamicBlock.pos) : [];
  warnUnknownKeys(r, dynamicEntries, ['buildspec', 'env'], 'batch/build-matrix/dynamic');
  const dynEnv = entryOf(dynamicEntries, 'env');
  const dynEnvEntries = dynEnv ? readEntries(r, dynEnv.value, 'batch/build-matrix/dynamic/env', dynEnv.pos) : [];
  warnUnknownKeys(r, dynEnvEntries, ['compute-type', 'image', 'variables'], 'batch/build-matrix/dynamic/env');
  const variables = entryOf(dynEnvEntries, 'variables');
  const where = 'batch/build-matrix/dynamic/env';
  return {
    static: {
      ignoreFailure: flag(r, entryOf(staticEntries, 'ignore-failure'), 'batch/build-matrix/static/ignore-failure') ?? false,
      env: readTaskEnv(r, entryOf(staticEntries, 'env'), 'batch/build-matrix/static/env') ?? { variables: {} },
    },
    dynamic: {
      buildspec: listOf(r, entryOf(dynamicEntries, 'buildspec'), 'batch/build-matrix/dynamic/buildspec'),
      env: {
        computeType: listOf(r, entryOf(dynEnvEntries, 'compute-type'), `${where}/compute-type`),
        image: listOf(r, entryOf(dynEnvEntries, 'image'), `${where}/image`),
        variables: Object.fromEntries(
          (variables ? readEntries(r, variables.value, `${where}/variables`, variables.pos) : []).map((v) => [
            v.key,
            readStringList(r, v.value, `${where}/variables/${v.key}`, v.pos),
          ]),
        ),
      },
    },
  };
}

function optional(r: NodeReader, entry: Entry | undefined, path: string): string | undefined {
  return entry ? readString(r, entry.value, path, entry.pos) : undefined;
}

function flag(r: NodeReader, entry: Entry | undefined, path: string): boolean | undefined {
  return entry ? readYesNo(r, entry.value, path, entry.pos) : undefined;
}

function listOf(r: NodeReader, entry: Entry | undefined, path: string): string[] {
  return entry ? readStringList(r, entry.value, path, entry.pos) : [];
}

/** Plain data for blocks kept as-is (`build-fanout`); scalars become their text, as everywhere. */
function toPlain(r: NodeReader, node: Node | null, depth: number): unknown {
  if (node === null || depth > MAX_PLAIN_DEPTH) return null;
  if (isScalar(node)) return node.value === null ? null : scalarText(node);
  if (isSeq(node)) return node.items.map((item) => toPlain(r, r.resolve(item), depth + 1));
  if (isMap(node)) return Object.fromEntries(r.entries(node, 'batch/build-fanout').map((e) => [e.key, toPlain(r, e.value, depth + 1)]));
  return null;
}
