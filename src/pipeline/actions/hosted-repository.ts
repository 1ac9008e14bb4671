/**
 * Where a CodeStarSourceConnection (`FullRepositoryId: owner/repo`) or GitHub v1 (`Owner`/`Repo`)
 * source reads from in nagare when `--git-remotes` does not map it (remote-repository.ts): the
 * hosted CodeCommit repository named like the repository part — exactly, or else ignoring case
 * (GitHub names are case-insensitive; `yourusername/AI-kirinuki-kun` finds `ai-kirinuki-kun`). The
 * owner is not checked: nagare has no GitHub App (docs/compat/codepipeline.md). Push the code with
 * `git push <cloneUrlHttp>` and the pipeline runs as it would from GitHub. CodeCommit sources read
 * their hosted repository through the same origin (`hostedOrigin`).
 */
import { archiveCommit, cloneUrlHttp, getCommit, listRepositories, resolveBranch } from '../../source/index.js';
import type { GitOrigin } from './git-source.js';
import type { ActionRun, PipelineScope } from './types.js';
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

/** A hosted repository as a git source's origin; clone references point at its `cloneUrlHttp`. */
export function hostedOrigin(run: ActionRun, repo: string): GitOrigin {
  const { deps, scope } = run;
  return {
    branchHead: (branch) => resolveBranch(deps.source, scope, repo, branch),
    commit: async (commitId) => {
      const c = await getCommit(deps.source, scope, repo, commitId);
      return { commitId: c.commitId, message: c.message, authorDate: c.author.date, committerDate: c.committer.date };
    },
    archive: async (commitId, zip) => {
      await archiveCommit(deps.source, scope, repo, commitId, zip);
    },
    cloneRef: (branch, commitId) => (run.endpoint ? { url: cloneUrlHttp(run.endpoint, scope, repo), branch, commitId, hosted: true } : undefined),
  };
}
