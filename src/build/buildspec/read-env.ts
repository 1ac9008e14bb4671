/**
 * `env` (0.2) and `environment_variables` (0.1), spec A.3 and A.5. Values are literal text; names
 * starting with `CODEBUILD_` are reserved and `AWS_` names cannot be exported — AWS documents these
 * as rules but does not reject the file, so they are warnings.
 */
import type { Entry, NodeReader } from './node-reader.js';
import { atLine } from './messages.js';
import { entryOf, readEntries, readString, readStringList, readStringMap, readYesNo, warnUnknownKeys } from './read-values.js';
import { parseSecretReference } from './secret-reference.js';
import type { BuildspecEnv, BuildspecVersion, SecretReference } from './types.js';

const ENV_KEYS = ['shell', 'variables', 'parameter-store', 'secrets-manager', 'exported-variables', 'git-credential-helper'];
const SHELLS = ['bash', '/bin/sh', 'powershell.exe', 'cmd.exe'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function emptyEnv(): BuildspecEnv {
  return { variables: {}, parameterStore: {}, secretsManager: {}, exportedVariables: [], gitCredentialHelper: false };
}

export function readEnv(r: NodeReader, root: Entry[], version: BuildspecVersion): BuildspecEnv {
  return version === '0.1' ? readEnv01(r, root) : readEnv02(r, entryOf(root, 'env'));
}

/** 0.1: `environment_variables: { plaintext: { NAME: value } }` (first buildspec reference, spec A.3). */
function readEnv01(r: NodeReader, root: Entry[]): BuildspecEnv {
  const env = emptyEnv();
  const block = entryOf(root, 'environment_variables');
  if (!block) return env;
  const entries = readEntries(r, block.value, 'environment_variables', block.pos);
  warnUnknownKeys(r, entries, ['plaintext'], 'environment_variables');
  const plaintext = entryOf(entries, 'plaintext');
  if (plaintext) env.variables = readVariables(r, plaintext, 'environment_variables/plaintext');
  return env;
}

function readEnv02(r: NodeReader, block: Entry | undefined): BuildspecEnv {
  const env = emptyEnv();
  if (!block) return env;
  const entries = readEntries(r, block.value, 'env', block.pos);
  warnUnknownKeys(r, entries, ENV_KEYS, 'env');
  for (const entry of entries) {
    const path = `env/${entry.key}`;
    switch (entry.key) {
      case 'shell': {
        const shell = readString(r, entry.value, path, entry.pos);
        if (shell !== undefined) env.shell = shell;
        if (shell !== undefined && !SHELLS.includes(shell)) {
          r.warn('UNSUPPORTED_SHELL', r.posOf(entry.value, entry.pos), (line) =>
            atLine(`env/shell '${shell}' is not one of ${SHELLS.join(', ')}`, line),
          );
        }
        break;
      }
      case 'variables':
        env.variables = readVariables(r, entry, path);
        break;
      case 'parameter-store':
        env.parameterStore = readStringMap(r, entry.value, path, entry.pos, (e, value) => {
          checkName(r, e, path);
          if (value === '') r.warn('NULL_VALUE', e.pos, (line) => atLine(`${path}/${e.key} names no parameter`, line));
        });
        break;
      case 'secrets-manager':
        env.secretsManager = readSecrets(r, entry, path);
        break;
      case 'exported-variables':
        env.exportedVariables = readStringList(r, entry.value, path, entry.pos);
        for (const name of env.exportedVariables.filter((n) => n.startsWith('AWS_'))) {
          r.warn('UNEXPORTABLE_VARIABLE', entry.pos, (line) =>
            atLine(`${name} cannot be exported: names starting with AWS_ are never exported`, line),
          );
        }
        break;
      case 'git-credential-helper':
        env.gitCredentialHelper = readYesNo(r, entry.value, path, entry.pos) ?? false;
        break;
    }
  }
  return env;
}

function readVariables(r: NodeReader, entry: Entry, path: string): Record<string, string> {
  return readStringMap(r, entry.value, path, entry.pos, (e) => checkName(r, e, path));
}

function readSecrets(r: NodeReader, entry: Entry, path: string): Record<string, SecretReference> {
  const out: Record<string, SecretReference> = {};
  const raw = readStringMap(r, entry.value, path, entry.pos, (e, value) => {
    checkName(r, e, path);
    const parsed = parseSecretReference(value);
    if ('problem' in parsed) {
      r.error('INVALID_SECRET_REFERENCE', r.posOf(e.value, e.pos), (line) =>
        atLine(`${path}/${e.key}: ${parsed.problem}`, line),
      );
    } else {
      out[e.key] = parsed;
    }
  });
  // readStringMap keeps file order; rebuild in that order without the invalid references.
  return Object.fromEntries(Object.keys(raw).flatMap((k) => (out[k] ? [[k, out[k]]] : [])));
}

function checkName(r: NodeReader, entry: Entry, path: string): void {
  if (entry.key.startsWith('CODEBUILD_')) {
    r.warn('RESERVED_VARIABLE_NAME', entry.pos, (line) =>
      atLine(`${path}/${entry.key}: the CODEBUILD_ prefix is reserved for CodeBuild's own variables`, line),
    );
  } else if (!NAME.test(entry.key)) {
    r.warn('INVALID_VARIABLE_NAME', entry.pos, (line) =>
      atLine(`${path}/${entry.key} is not a valid shell variable name`, line),
    );
  }
}
