import { models, type InternalRoute, type JsonService } from '../../aws/index.js';
import * as source from '../../source/index.js';
import { branchOperations } from './branch-operations.js';
import { commitOperations } from './commit-operations.js';
import { repositoryOperations } from './repository-operations.js';
import { tagOperations } from './tag-operations.js';

/**
 * db, clock, logger, dataDir (repositories live under `<dataDir>/git/`), credentials (access key
 * id → secret: who may fetch and push), onPush (told about every ref change once it is on disk —
 * the pipeline engine's trigger), hostPath (PATH for git child processes).
 */
export type CodeCommitServiceDeps = source.GitRouteDeps;

/**
 * The CodeCommit provider (JSON 1.1, CodeCommit_20150413) and the smart-HTTP git route of its
 * repositories (`/git/<region>/<account>/v1/repos/<name>`, served on the same port). Construction
 * touches no dependency (scripts/gen-compat.mjs checks that).
 */
export function createCodeCommitService(deps: CodeCommitServiceDeps): { service: JsonService; routes: InternalRoute[] } {
  const operations = { ...repositoryOperations(deps), ...branchOperations(deps), ...commitOperations(deps), ...tagOperations(deps) };
  return {
    service: { family: 'json', model: models.codecommitModel, operations },
    routes: [source.createGitRoute(deps)],
  };
}
