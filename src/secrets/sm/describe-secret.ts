import type { SecretsDeps } from '../deps.js';
import type { Scope } from '../scope.js';
import { resolveSecret } from './resolve-secret.js';
import { stagesOfSecrets, tagsOfSecrets } from './secret-repo.js';
import type { SecretRecord, Tag } from './types.js';

export interface SecretDescription extends SecretRecord {
  /** Versions that carry at least one staging label. */
  versionIdsToStages: Record<string, string[]>;
  tags: Tag[];
}

/** DescribeSecret: works on secrets scheduled for deletion too (they show DeletedDate). */
export async function describeSecret(deps: SecretsDeps, scope: Scope, secretId: string): Promise<SecretDescription> {
  const secret = await resolveSecret(deps, deps.db, scope, secretId, { allowDeleted: true });
  const [described] = await describeMany(deps, [secret]);
  return described as SecretDescription;
}

export async function describeMany(deps: SecretsDeps, secrets: readonly SecretRecord[]): Promise<SecretDescription[]> {
  const ids = secrets.map((s) => s.id);
  const [stages, tags] = [await stagesOfSecrets(deps.db, ids), await tagsOfSecrets(deps.db, ids)];
  return secrets.map((s) => ({
    ...s,
    versionIdsToStages: Object.fromEntries(stages.get(s.id) ?? new Map<string, string[]>()),
    tags: tags.get(s.id) ?? [],
  }));
}
