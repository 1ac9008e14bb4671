/**
 * Does a repository event start a pipeline for a given source action? (spec C.6)
 *
 * - Filters in a `push`/`pullRequest` list are alternatives; the first one that passes fires.
 * - Within a filter every criteria present must pass; excludes beat includes (criteria.ts).
 * - Branch and tag names are matched without `refs/heads/` / `refs/tags/`.
 * - A PR filter's `branches` is matched against the PR's TARGET branch, and the execution builds
 *   the SOURCE branch head (Surprise 31).
 * - With no trigger for the action, the V1 default applies: a push to the configured branch fires.
 *
 * The answer `needs-changed-files` means: no filter passes with what is known, but one could once
 * the changed files are known (event.changedFiles undefined: PR files or a push with over 2048
 * commits). The caller fetches the list and asks again; it never guesses.
 */
import { criteriaAccepts, filePathsAccept } from './criteria.js';
import type { GitPullRequestFilter, GitPushFilter, GitTriggerEvent, PipelineTriggerDeclaration } from './trigger-types.js';

export type TriggerDecision =
  | {
      kind: 'fire';
      /** Commit to run: push tip / tagged commit, or the PR source-branch head. */
      revision: string;
      /** 'trigger' → ExecutionTrigger.triggerType WebhookV2; 'default' → the V1-style branch rule. */
      by: 'trigger' | 'default';
      /** Which filter fired (trigger only), for logs: e.g. `push[1]`. */
      filter?: string;
    }
  | { kind: 'needs-changed-files' }
  | { kind: 'skip'; reason: string };

type Verdict = 'yes' | 'no' | 'unknown';

const HEADS = 'refs/heads/';
const TAGS = 'refs/tags/';

export function matchTrigger(trigger: PipelineTriggerDeclaration, event: GitTriggerEvent): TriggerDecision {
  const git = trigger.gitConfiguration;
  if (event.type === 'push' && event.deleted === true) return { kind: 'skip', reason: `ref ${event.ref} was deleted` };
  const filters: Array<[name: string, verdict: () => Verdict]> =
    event.type === 'push'
      ? (git.push ?? []).map((f, i) => [`push[${i}]`, () => pushVerdict(f, event)])
      : (git.pullRequest ?? []).map((f, i) => [`pullRequest[${i}]`, () => pullRequestVerdict(f, event)]);
  if (filters.length === 0) return { kind: 'skip', reason: `trigger has no ${event.type} filters` };
  let unknown = false;
  for (const [name, verdict] of filters) {
    const v = verdict();
    if (v === 'yes') return { kind: 'fire', revision: event.revision, by: 'trigger', filter: name };
    if (v === 'unknown') unknown = true;
  }
  return unknown ? { kind: 'needs-changed-files' } : { kind: 'skip', reason: `no ${event.type} filter matched` };
}

function pushVerdict(f: GitPushFilter, e: Extract<GitTriggerEvent, { type: 'push' }>): Verdict {
  const branch = e.ref.startsWith(HEADS) ? e.ref.slice(HEADS.length) : undefined;
  const tag = e.ref.startsWith(TAGS) ? e.ref.slice(TAGS.length) : undefined;
  if (f.tags) {
    if (tag === undefined || !criteriaAccepts(f.tags, tag)) return 'no';
  } else if (branch === undefined) {
    // A filter without `tags` is a branch filter (also when it has only filePaths): tag pushes
    // carry no changed files and AWS documents tag filtering as its own kind of push filter.
    return 'no';
  }
  if (f.branches && (branch === undefined || !criteriaAccepts(f.branches, branch))) return 'no';
  return filesVerdict(f.filePaths, e.changedFiles);
}

function pullRequestVerdict(f: GitPullRequestFilter, e: Extract<GitTriggerEvent, { type: 'pullRequest' }>): Verdict {
  // `events` omitted: every PR event (OPEN, UPDATED, CLOSED) qualifies.
  if (f.events && f.events.length > 0 && !f.events.includes(e.event)) return 'no';
  if (f.branches && !criteriaAccepts(f.branches, e.targetBranch)) return 'no';
  return filesVerdict(f.filePaths, e.changedFiles);
}

function filesVerdict(criteria: GitPushFilter['filePaths'], files: readonly string[] | undefined): Verdict {
  if (!criteria) return 'yes';
  if (files === undefined) return 'unknown';
  return filePathsAccept(criteria, files) ? 'yes' : 'no';
}

/**
 * The V1 default (no trigger declared for the action): a push to the action's configured branch
 * fires; pull requests never do. `BranchName` is the key of CodeStarSourceConnection and CodeCommit
 * sources, `Branch` of the legacy GitHub (v1) source. `DetectChanges: "false"` (connections) turns
 * automatic starts off.
 */
export function matchDefaultBranch(configuration: Readonly<Record<string, string>>, event: GitTriggerEvent): TriggerDecision {
  if (configuration['DetectChanges']?.toLowerCase() === 'false') return { kind: 'skip', reason: 'DetectChanges is false' };
  const branch = configuration['BranchName'] ?? configuration['Branch'];
  if (branch === undefined) return { kind: 'skip', reason: 'source action has no BranchName' };
  if (event.type !== 'push') return { kind: 'skip', reason: 'pull requests start a pipeline only through a trigger' };
  if (event.ref !== HEADS + branch) return { kind: 'skip', reason: `push to ${event.ref}, action follows ${HEADS}${branch}` };
  if (event.deleted === true) return { kind: 'skip', reason: `ref ${event.ref} was deleted` };
  return { kind: 'fire', revision: event.revision, by: 'default' };
}

/**
 * Decision for one source action of a pipeline: its trigger if the pipeline declares one for it
 * (that disables the default rule), the default rule otherwise.
 */
export function matchSourceAction(
  action: { name: string; configuration: Readonly<Record<string, string>> },
  triggers: readonly PipelineTriggerDeclaration[] | undefined,
  event: GitTriggerEvent,
): TriggerDecision {
  const trigger = (triggers ?? []).find((t) => t.gitConfiguration.sourceActionName === action.name);
  return trigger ? matchTrigger(trigger, event) : matchDefaultBranch(action.configuration, event);
}
