/**
 * PollForSourceChanges for repositories outside nagare (spec C.6, Surprise 28): every interval,
 * each CodeStarSourceConnection (`DetectChanges`, default true) and GitHub v1
 * (`PollForSourceChanges`, default true) source action whose repository `--git-remotes` maps to a
 * URL has its branch tip read with `git ls-remote`. A tip different from the one last seen starts
 * the pipeline once (several changed sources of one pipeline: one execution), on exactly that
 * commit outside PARALLEL mode; a V2 trigger on the action filters it as it filters pushes
 * (branches, tags, filePaths from the mirror's diff). The first poll of an action only records
 * the tip. Hosted repositories need none of this: a push starts pipelines at once (on-push.ts).
 *
 * The mark and the start are written in one transaction holding the pipeline row, and the mark is
 * compared first, so two servers polling the same database start one execution, and a crash
 * between the two leaves nothing half done.
 */
import { mirrorChangedFiles, remoteBranchTip, type RemoteRepository } from '../../source/index.js';
import { errorMessage, type BackgroundTask } from '../../shared/index.js';
import { remoteFor } from '../actions/remote-repository.js';
import type { PipelineScope, SourceOverride } from '../actions/types.js';
import type { ActionDeclaration, PipelineDeclaration } from '../declaration/index.js';
import type { PipelineDeps } from '../deps.js';
import { withPipeline } from '../engine/with-pipeline.js';
import { findPipeline, pipelinesWithSourceProviders } from '../pipelines/pipeline-repo.js';
import { findPollMark, prunePollMarks, savePollMark, type PollMark } from '../polls/poll-repo.js';
import { matchDefaultBranch, matchSourceAction, type GitTriggerEvent } from '../triggers/index.js';
import { startExecutionIn } from './start-execution.js';

export const POLL_TASK = 'codepipeline.poll-sources';

/** The background task; `intervalMs` is already divided by the time scale. */
export function pollSourcesTask(deps: PipelineDeps, intervalMs: number): BackgroundTask {
  return { name: POLL_TASK, intervalMs, run: () => pollSources(deps) };
}

interface Watched {
  action: ActionDeclaration;
  remote: RemoteRepository;
  branch: string;
  detail: string;
}

export async function pollSources(deps: PipelineDeps): Promise<void> {
  if (!deps.gitRemotes?.length) return;
  const tips = new Map<string, Promise<string | undefined>>();
  const tipOf = (w: Watched): Promise<string | undefined> => {
    const key = `${w.remote.url}\u0000${w.branch}`;
    if (!tips.has(key)) tips.set(key, remoteBranchTip(deps.source, w.remote, w.branch));
    return tips.get(key)!;
  };
  for (const { name, ...scope } of await pipelinesWithSourceProviders(deps.db, ['CodeStarSourceConnection', 'GitHub'])) {
    try {
      await pollPipeline(deps, scope, name, tipOf);
    } catch (err) {
      deps.logger.warn({ pipeline: name, err: errorMessage(err) }, 'polling the pipeline sources failed');
    }
  }
}

async function pollPipeline(deps: PipelineDeps, scope: PipelineScope, name: string, tipOf: (w: Watched) => Promise<string | undefined>): Promise<void> {
  const pipeline = await findPipeline(deps.db, scope, name);
  if (!pipeline) return;
  const declaration = pipeline.declaration;
  const watched = (declaration.stages[0]?.actions ?? []).flatMap((a) => {
    const w = watchedAction(deps, a);
    return w ? [w] : [];
  });
  await prunePollMarks(deps.db, scope, name, watched.map((w) => w.action.name));
  const seen: { w: Watched; before: PollMark | undefined; mark: PollMark }[] = [];
  for (const w of watched) {
    const tip = await tipOf(w).catch((err: unknown) => {
      deps.logger.warn({ pipeline: name, action: w.action.name, err: errorMessage(err) }, 'polling a git remote failed');
      return undefined;
    });
    if (tip === undefined) continue;
    const before = await findPollMark(deps.db, scope, name, w.action.name);
    const mark = { remoteUrl: w.remote.url, branch: w.branch, revision: tip };
    if (before?.revision === tip && before.remoteUrl === mark.remoteUrl && before.branch === mark.branch) continue;
    seen.push({ w, before, mark });
  }
  if (seen.length === 0) return;
  const overrides: SourceOverride[] = [];
  let detail: string | undefined;
  for (const { w, before, mark } of seen) {
    // First sight (or a changed URL / branch): remember the tip, start nothing.
    if (!before || before.remoteUrl !== mark.remoteUrl || before.branch !== mark.branch) continue;
    if (await fires(deps, declaration, w, before.revision, mark.revision)) {
      overrides.push({ actionName: w.action.name, revisionType: 'COMMIT_ID', revisionValue: mark.revision });
      detail ??= w.detail;
    }
  }
  const now = deps.clock.now();
  const started = await withPipeline(deps, scope, name, async (p) => {
    for (const { w, before } of seen) {
      // Another poller got here first: its marks stand and it started what was needed.
      const current = await findPollMark(p.tx, scope, name, w.action.name);
      if (current?.revision !== before?.revision) return undefined;
    }
    for (const { w, mark } of seen) await savePollMark(p.tx, scope, name, w.action.name, mark, now);
    if (overrides.length === 0 || detail === undefined) return undefined;
    const parallel = p.record.declaration.pipelineType === 'V2' && p.record.declaration.executionMode === 'PARALLEL';
    return startExecutionIn(p, { name, ...(parallel ? {} : { sourceRevisions: overrides }), trigger: { triggerType: 'PollForSourceChanges', triggerDetail: detail } });
  });
  if (started) deps.logger.info({ pipeline: name, execution: started, actions: overrides.map((o) => o.actionName) }, 'polling started pipeline');
}

function watchedAction(deps: PipelineDeps, action: ActionDeclaration): Watched | undefined {
  const c = action.configuration ?? {};
  const off = (v: string | undefined): boolean => v?.toLowerCase() === 'false';
  if (action.actionTypeId.category !== 'Source') return undefined;
  if (action.actionTypeId.provider === 'CodeStarSourceConnection') {
    if (off(c.DetectChanges) || !c.FullRepositoryId || !c.BranchName) return undefined;
    const remote = remoteFor(deps.gitRemotes, c.FullRepositoryId);
    return remote ? { action, remote, branch: c.BranchName, detail: c.ConnectionArn ?? c.FullRepositoryId } : undefined;
  }
  if (action.actionTypeId.provider === 'GitHub') {
    if (off(c.PollForSourceChanges) || !c.Owner || !c.Repo || !c.Branch) return undefined;
    const remote = remoteFor(deps.gitRemotes, `${c.Owner}/${c.Repo}`);
    return remote ? { action, remote, branch: c.Branch, detail: `${c.Owner}/${c.Repo}` } : undefined;
  }
  return undefined;
}

/** Whether a new tip starts the pipeline: the action's V2 trigger if it has one, else any change. */
async function fires(deps: PipelineDeps, declaration: PipelineDeclaration, w: Watched, before: string, after: string): Promise<boolean> {
  const configuration = w.action.configuration ?? {};
  const git: GitTriggerEvent = { type: 'push', ref: `refs/heads/${w.branch}`, revision: after, deleted: false };
  if (w.action.actionTypeId.provider !== 'CodeStarSourceConnection') return matchDefaultBranch(configuration, git).kind === 'fire';
  const first = matchSourceAction({ name: w.action.name, configuration }, declaration.triggers, git);
  if (first.kind !== 'needs-changed-files') return first.kind === 'fire';
  // A force-push may have taken `before` away: then every file of the new tip counts as changed.
  const files = await mirrorChangedFiles(deps.source, w.remote, before, after).catch(() => mirrorChangedFiles(deps.source, w.remote, null, after));
  return matchSourceAction({ name: w.action.name, configuration }, declaration.triggers, { ...git, changedFiles: files }).kind === 'fire';
}
