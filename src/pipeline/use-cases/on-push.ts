/**
 * Change detection for hosted repositories (spec C.6–C.8). A push starts every pipeline with a
 * source action reading that repository — once per push, however many of its actions match:
 * - CodeCommit (`RepositoryName`): a push to `BranchName`. AWS sees it by polling
 *   (PollForSourceChanges, the default) or through an EventBridge rule; the trigger says which.
 * - CodeStarSourceConnection (`FullRepositoryId` naming this repository, see
 *   actions/hosted-repository.ts): the pipeline's V2 trigger for the action (branches, tags,
 *   filePaths globs) or, without one, a push to `BranchName`; triggerType WebhookV2.
 * - GitHub v1 (`Repo`): a push to `Branch` while PollForSourceChanges is not false (with false,
 *   only its v1 webhook starts it).
 * Outside PARALLEL mode the matched actions build exactly the pushed commit; in PARALLEL mode
 * sources fetch the branch tip when they start (spec C.5).
 */
import { changedFiles, type PushEvent } from '../../source/index.js';
import { errorMessage } from '../../shared/index.js';
import { repositoryPart } from '../actions/hosted-repository.js';
import { remoteFor } from '../actions/remote-repository.js';
import type { PipelineScope, SourceOverride } from '../actions/types.js';
import type { ActionDeclaration, PipelineDeclaration } from '../declaration/index.js';
import type { PipelineDeps } from '../deps.js';
import type { ExecutionTrigger } from '../executions/execution-repo.js';
import { findPipeline, pipelinesWatchingRepository, pipelinesWithSourceProvider } from '../pipelines/pipeline-repo.js';
import { matchDefaultBranch, matchSourceAction, type GitTriggerEvent, type TriggerDecision } from '../triggers/index.js';
import { startPipelineExecution } from './start-execution.js';

export function onPush(deps: PipelineDeps): (event: PushEvent) => Promise<void> {
  return async (event) => {
    const scope: PipelineScope = { accountId: event.accountId, region: event.region };
    const names = new Set([
      ...(await pipelinesWatchingRepository(deps.db, scope, event.repositoryName)),
      ...(await pipelinesWithSourceProvider(deps.db, scope, 'CodeStarSourceConnection')),
      ...(await pipelinesWithSourceProvider(deps.db, scope, 'GitHub')),
    ]);
    for (const name of names) {
      try {
        await startForPush(deps, scope, name, event);
      } catch (err) {
        deps.logger.warn({ pipeline: name, repository: event.repositoryName, err: errorMessage(err) }, 'push did not start the pipeline');
      }
    }
  };
}

type Kind = 'codecommit' | 'connection' | 'github';

/** Connection and GitHub v1 sources read a hosted repository unless `--git-remotes` maps theirs elsewhere. */
function kindOf(deps: PipelineDeps, action: ActionDeclaration, repository: string): Kind | undefined {
  const c = action.configuration ?? {};
  const same = (name: string | undefined): boolean => name !== undefined && name.toLowerCase() === repository.toLowerCase();
  switch (action.actionTypeId.provider) {
    case 'CodeCommit':
      return c.RepositoryName === repository ? 'codecommit' : undefined;
    case 'CodeStarSourceConnection':
      return c.FullRepositoryId !== undefined && same(repositoryPart(c.FullRepositoryId)) && !remoteFor(deps.gitRemotes, c.FullRepositoryId) ? 'connection' : undefined;
    case 'GitHub':
      return same(c.Repo) && c.PollForSourceChanges?.toLowerCase() !== 'false' && !remoteFor(deps.gitRemotes, `${c.Owner ?? ''}/${c.Repo}`) ? 'github' : undefined;
    default:
      return undefined;
  }
}

async function startForPush(deps: PipelineDeps, scope: PipelineScope, name: string, event: PushEvent): Promise<void> {
  const pipeline = await findPipeline(deps.db, scope, name);
  if (!pipeline) return;
  const declaration = pipeline.declaration;
  const overrides: SourceOverride[] = [];
  let trigger: ExecutionTrigger | undefined;
  const repoArn = `arn:aws:codecommit:${scope.region}:${scope.accountId}:${event.repositoryName}`;
  for (const action of declaration.stages[0]?.actions ?? []) {
    const kind = kindOf(deps, action, event.repositoryName);
    if (!kind) continue;
    for (const u of event.updates) {
      const decision = await decide(deps, scope, event, declaration, action, kind, u);
      if (decision.kind !== 'fire') continue;
      overrides.push({ actionName: action.name, revisionType: 'COMMIT_ID', revisionValue: decision.revision });
      trigger ??=
        kind === 'connection'
          ? { triggerType: 'WebhookV2', triggerDetail: action.configuration?.ConnectionArn ?? repoArn }
          : kind === 'github' || action.configuration?.PollForSourceChanges?.toLowerCase() !== 'false'
            ? { triggerType: 'PollForSourceChanges', triggerDetail: repoArn }
            : { triggerType: 'CloudWatchEvent', triggerDetail: repoArn };
      break;
    }
  }
  if (!trigger) return;
  const parallel = declaration.pipelineType === 'V2' && declaration.executionMode === 'PARALLEL';
  const id = await startPipelineExecution(deps, scope, { name, ...(parallel ? {} : { sourceRevisions: overrides }), trigger });
  deps.logger.info({ pipeline: name, execution: id, repository: event.repositoryName, trigger: trigger.triggerType }, 'push started pipeline');
}

async function decide(
  deps: PipelineDeps,
  scope: PipelineScope,
  event: PushEvent,
  declaration: PipelineDeclaration,
  action: ActionDeclaration,
  kind: Kind,
  u: PushEvent['updates'][number],
): Promise<TriggerDecision> {
  const deleted = /^0+$/.test(u.after);
  const git: GitTriggerEvent = { type: 'push', ref: u.ref, revision: u.after, deleted };
  const configuration = action.configuration ?? {};
  if (kind !== 'connection') return matchDefaultBranch(configuration, git);
  const first = matchSourceAction({ name: action.name, configuration }, declaration.triggers, git);
  if (first.kind !== 'needs-changed-files') return first;
  const before = /^0+$/.test(u.before) ? null : u.before;
  const files = await changedFiles(deps.source, scope, event.repositoryName, before, u.after);
  return matchSourceAction({ name: action.name, configuration }, declaration.triggers, { ...git, changedFiles: files });
}
