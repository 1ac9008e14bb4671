/**
 * Where a CodeStarSourceConnection (`FullRepositoryId: owner/repo`) or GitHub v1 (`Owner`/`Repo`)
 * source reads from in nagare: the hosted CodeCommit repository named like the repository part —
 * exactly, or else ignoring case (GitHub names are case-insensitive; `yourusername/AI-kirinuki-kun`
 * finds `ai-kirinuki-kun`). The owner and the connection are not checked: nagare has no GitHub App
 * and no CodeConnections service (docs/compat/codepipeline.md). Push the code with
 * `git push <cloneUrlHttp>` and the pipeline runs as it would from GitHub.
 */
import { listRepositories } from '../../source/index.js';
import type { PipelineScope } from './types.js';
import type { PipelineDeps } from '../deps.js';

/** The repository part of `owner/repo` (GitHub and Bitbucket ids; GitLab groups may nest). */
export function repositoryPart(fullRepositoryId: string): string {
  const parts = fullRepositoryId.split('/');
  return parts[parts.length - 1] ?? fullRepositoryId;
}

export async function findHostedRepository(deps: Pick<PipelineDeps, 'source'>, scope: PipelineScope, name: string): Promise<string | undefined> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listRepositories(deps.source, scope, nextToken !== undefined ? { nextToken } : {});
    names.push(...page.repositories.map((r) => r.name));
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return names.find((n) => n === name) ?? names.find((n) => n.toLowerCase() === name.toLowerCase());
}
