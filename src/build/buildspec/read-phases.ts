/**
 * `phases` (spec A.8): only `install`, `pre_build`, `build`, `post_build`, run in that order whatever
 * the order in the file (corpus 054 declares pre_build first). Each command must be a string; a
 * command YAML read as a mapping (`- echo "a: b"`) fails the build with AWS's own message.
 */
import { isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { atLine, commandNotString, expectedType, invalidPhaseName } from './messages.js';
import { isNullish, kindOf, scalarText } from './node-reader.js';
import type { Entry, NodeReader, Pos } from './node-reader.js';
import { parseOnFailure } from './on-failure.js';
import { entryOf, readEntries, readString, readStringMap, warnUnknownKeys } from './read-values.js';
import { PHASE_ORDER } from './types.js';
import type { Phase, PhaseName } from './types.js';

const PHASE_KEYS = ['run-as', 'on-failure', 'commands', 'finally'];
const INSTALL_KEYS = [...PHASE_KEYS, 'runtime-versions'];

export function readPhases(r: NodeReader, block: Entry): Phase[] {
  const phases: Phase[] = [];
  for (const entry of readEntries(r, block.value, 'phases', block.pos)) {
    if (!isPhaseName(entry.key)) {
      r.error('INVALID_PHASE_NAME', entry.pos, () => invalidPhaseName(entry.key));
      continue;
    }
    phases.push(readPhase(r, entry.key, entry));
  }
  return phases.sort((a, b) => PHASE_ORDER.indexOf(a.name) - PHASE_ORDER.indexOf(b.name));
}

function isPhaseName(name: string): name is PhaseName {
  return (PHASE_ORDER as readonly string[]).includes(name);
}

function readPhase(r: NodeReader, name: PhaseName, phaseEntry: Entry): Phase {
  const where = `phases/${name}`;
  const phase: Phase = { name, commands: [], finally: [], line: phaseEntry.pos.line };
  const entries = readEntries(r, phaseEntry.value, where, phaseEntry.pos);
  warnUnknownKeys(r, entries, name === 'install' ? INSTALL_KEYS : PHASE_KEYS, where);
  for (const entry of entries) {
    const path = `${where}/${entry.key}`;
    switch (entry.key) {
      case 'run-as': {
        const user = readString(r, entry.value, path, entry.pos);
        if (user) phase.runAs = user;
        break;
      }
      case 'on-failure':
        readOnFailure(r, phase, entry, path);
        break;
      case 'runtime-versions':
        if (name === 'install') readRuntimeVersions(r, phase, entry, path);
        break;
      case 'commands':
        phase.commands = readCommands(r, entry.value, 'Commands', entry.pos);
        break;
      case 'finally':
        phase.finally = readCommands(r, entry.value, 'Finally', entry.pos);
        break;
    }
  }
  // The reference marks `commands` required outside install, but phases with an empty `commands:`
  // run on AWS (corpus 014, 025, 046), so this only warns.
  const commands = entryOf(entries, 'commands');
  const declaresNothing = (!commands || isNullish(commands.value)) && !entryOf(entries, 'finally');
  if (declaresNothing && !phase.runtimeVersions) {
    r.warn('NO_COMMANDS', commands?.pos ?? phaseEntry.pos, (line) => atLine(`${where} has no commands to run`, line));
  }
  return phase;
}

function readOnFailure(r: NodeReader, phase: Phase, entry: Entry, path: string): void {
  const text = readString(r, entry.value, path, entry.pos);
  if (text === undefined) return;
  const parsed = parseOnFailure(text);
  if ('problem' in parsed) {
    r.error('INVALID_ON_FAILURE', r.posOf(entry.value, entry.pos), (line) => atLine(parsed.problem, line));
  } else {
    phase.onFailure = parsed;
  }
}

function readRuntimeVersions(r: NodeReader, phase: Phase, entry: Entry, path: string): void {
  phase.runtimeVersions = readStringMap(r, entry.value, path, entry.pos, (e, version) => {
    if (version === '') r.warn('NULL_VALUE', e.pos, (line) => atLine(`${path}/${e.key} has no version`, line));
  });
  if (Object.keys(phase.runtimeVersions).length === 0) {
    r.warn('EMPTY_RUNTIME_VERSIONS', entry.pos, (line) =>
      atLine(`${path} is empty: list at least one runtime or remove the key`, line),
    );
  }
}

/**
 * `commands` / `finally`: a sequence of strings (a single string is one command). Empty items
 * (`-` alone, corpus 009 uses them as separators) run nothing and are skipped with a warning.
 */
function readCommands(r: NodeReader, node: Node | null, list: 'Commands' | 'Finally', pos: Pos): string[] {
  if (isNullish(node)) return [];
  if (isScalar(node)) return [scalarText(node)];
  if (!isSeq(node)) {
    r.error('INVALID_TYPE', r.posOf(node, pos), (line) => expectedType(list, 'sequence', kindOf(node), line));
    return [];
  }
  const commands: string[] = [];
  node.items.forEach((raw, index) => {
    const item = r.resolve(raw);
    const at = r.posOfItem(isNode(raw) ? raw : null, r.posOf(node, pos));
    if (isNullish(item)) {
      r.warn('NULL_COMMAND', at, (line) => atLine(`${list}[${index}] is empty and is skipped`, line));
    } else if (isScalar(item)) {
      commands.push(scalarText(item));
    } else if (isMap(item)) {
      r.error('COMMAND_NOT_STRING', at, (line) => commandNotString(list, index, line));
    } else {
      r.error('COMMAND_NOT_STRING', at, (line) => expectedType(`${list}[${index}]`, 'string', kindOf(item), line));
    }
  });
  return commands;
}
