import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { writeTransaction } from '../write-transaction.js';
import { parameterNotFound, ssmError, versionNotFound } from './errors.js';
import { partitionLabels } from './labels.js';
import { parseParameterRef } from './parameter-name.js';
import { findVersionById, labelsOfParameter, lockParameter, removeLabel, setLabel } from './parameter-repo.js';
import { MAX_LABELS_PER_VERSION } from './types.js';

/**
 * LabelParameterVersion: attaches labels to one version (default: the latest). A label lives on
 * one version at a time, so attaching it here moves it off any other version. Labels that break
 * the naming rules come back in `invalidLabels`; more than 10 labels on the version is an error.
 */
export async function labelParameterVersion(
  deps: SecretsDeps,
  scope: Scope,
  input: { name: string; version?: number; labels: readonly string[] },
): Promise<{ invalidLabels: string[]; version: number }> {
  const ref = parseParameterRef(input.name, scope);
  if (!ref || ref.selector) throw parameterNotFound(input.name);
  const { valid, invalid } = partitionLabels(input.labels);
  return writeTransaction(deps.db, () => ssmError('TooManyUpdates', ''), async (tx) => {
    const head = await lockParameter(tx, scope, ref.key);
    if (!head) throw parameterNotFound(input.name);
    const version = input.version ?? head.version;
    if (!(await findVersionById(tx, head.id, version))) throw versionNotFound(head.name, version);
    const current = await labelsOfParameter(tx, head.id);
    const already = [...current.values()].filter((v) => v === version).length;
    const adding = valid.filter((l) => current.get(l) !== version);
    if (already + adding.length > MAX_LABELS_PER_VERSION) {
      throw ssmError(
        'ParameterVersionLabelLimitExceeded',
        'A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.',
        { name: head.name, version },
      );
    }
    for (const label of adding) await setLabel(tx, head.id, label, version);
    return { invalidLabels: invalid, version };
  });
}

/** UnlabelParameterVersion: labels not on that version come back in `invalidLabels`. */
export async function unlabelParameterVersion(
  deps: SecretsDeps,
  scope: Scope,
  input: { name: string; version: number; labels: readonly string[] },
): Promise<{ removedLabels: string[]; invalidLabels: string[] }> {
  const ref = parseParameterRef(input.name, scope);
  if (!ref || ref.selector) throw parameterNotFound(input.name);
  return writeTransaction(deps.db, () => ssmError('TooManyUpdates', ''), async (tx) => {
    const head = await lockParameter(tx, scope, ref.key);
    if (!head) throw parameterNotFound(input.name);
    if (!(await findVersionById(tx, head.id, input.version))) throw versionNotFound(head.name, input.version);
    const removedLabels: string[] = [];
    const invalidLabels: string[] = [];
    for (const label of new Set(input.labels)) {
      if (await removeLabel(tx, head.id, label, input.version)) removedLabels.push(label);
      else invalidLabels.push(label);
    }
    return { removedLabels, invalidLabels };
  });
}
