/**
 * Reads GitHub webhook deliveries (spec Part E) into what triggers and webhooks need.
 *
 * Contracts:
 * - `decodeGithubBody` takes the RAW bytes (the same bytes the HMAC was checked over) and the
 *   Content-Type; GitHub sends `application/json` or, if so configured, form-encoded `payload=`.
 * - `readGithubDelivery` never throws for an event it does not know (→ `other`), but throws
 *   GithubPayloadError when a push/pull_request lacks a field we rely on.
 * - Changed files of a push are the union of added/removed/modified over `commits[]`, in first-seen
 *   order. GitHub caps `commits` at 2048; at the cap the list is flagged incomplete and
 *   `toTriggerEvent` leaves changedFiles undefined so the matcher asks for the real list.
 * - PR action → CodePipeline PR event, following the console's three choices ("Pull request is
 *   created" / "New revision is made to pull request" / "Pull request is closed",
 *   docs pipelines-filter-console-pullrequests): opened, reopened → OPEN; synchronize → UPDATED;
 *   closed (merged or not) → CLOSED; every other action (edited, labeled, …) → none.
 */
import { GithubPayloadError } from './errors.js';
import { isObject, optNumber, optObject, optString, stringArray, type JsonObject } from './json-value.js';
import type { GitPullRequestEventType, GitTriggerEvent } from './trigger-types.js';

/** GitHub's documented cap on `commits[]` in a push payload. */
export const GITHUB_PUSH_COMMITS_CAP = 2048;
const ZERO_SHA = /^0+$/;

export interface GithubRepository {
  fullName: string;
  cloneUrl?: string;
  defaultBranch?: string;
}

export interface GithubCommit {
  id: string;
  message: string;
  timestamp?: string;
  url?: string;
  author?: { name?: string; email?: string; username?: string };
}

export type GithubDelivery =
  | { event: 'ping'; zen?: string; hookId?: number; repository?: GithubRepository }
  | {
      event: 'push';
      ref: string;
      before: string;
      after: string;
      created: boolean;
      deleted: boolean;
      forced: boolean;
      changedFiles: string[];
      changedFilesComplete: boolean;
      /** Absent when the ref was deleted (GitHub sends null). */
      headCommit?: GithubCommit;
      repository: GithubRepository;
      senderLogin?: string;
    }
  | {
      event: 'pull_request';
      action: string;
      prEvent?: GitPullRequestEventType;
      number: number;
      merged: boolean;
      /** Branch names as GitHub gives them (no `refs/heads/`). */
      sourceBranch: string;
      targetBranch: string;
      headSha: string;
      baseSha: string;
      title?: string;
      repository: GithubRepository;
      /** The fork's full name when the PR comes from another repository. */
      headRepositoryFullName?: string;
      senderLogin?: string;
    }
  | { event: 'other'; name: string };

export function decodeGithubBody(raw: Uint8Array, contentType: string | undefined): unknown {
  let text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
  const mediaType = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') {
    const payload = new URLSearchParams(text).get('payload');
    if (payload === null) throw new GithubPayloadError('form-encoded delivery has no payload= field');
    text = payload;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new GithubPayloadError(`delivery body is not JSON: ${(err as Error).message}`);
  }
}

export function prEventForAction(action: string): GitPullRequestEventType | undefined {
  switch (action) {
    case 'opened':
    case 'reopened':
      return 'OPEN';
    case 'synchronize':
      return 'UPDATED';
    case 'closed':
      return 'CLOSED';
    default:
      return undefined;
  }
}

/** `eventName` is the X-GitHub-Event header. */
export function readGithubDelivery(eventName: string, payload: unknown): GithubDelivery {
  if (eventName !== 'ping' && eventName !== 'push' && eventName !== 'pull_request') return { event: 'other', name: eventName };
  if (!isObject(payload)) throw new GithubPayloadError(`${eventName} payload is not a JSON object`);
  const repoObj = optObject(payload, 'repository');
  if (eventName === 'ping') {
    // Organisation hooks ping without a repository.
    return { event: 'ping', zen: optString(payload, 'zen'), hookId: optNumber(payload, 'hook_id'), repository: repoObj && readRepository(repoObj) };
  }
  if (!repoObj) throw new GithubPayloadError(`${eventName} payload has no repository`);
  const repository = readRepository(repoObj);
  const senderLogin = optString(optObject(payload, 'sender') ?? {}, 'login');
  return eventName === 'push' ? readPush(payload, repository, senderLogin) : readPullRequest(payload, repository, senderLogin);
}

function readRepository(o: JsonObject): GithubRepository {
  const fullName = required(o, 'full_name', 'repository');
  return { fullName, cloneUrl: optString(o, 'clone_url'), defaultBranch: optString(o, 'default_branch') };
}

function readPush(p: JsonObject, repository: GithubRepository, senderLogin: string | undefined): GithubDelivery {
  const after = required(p, 'after', 'push');
  const commits = Array.isArray(p['commits']) ? p['commits'].filter(isObject) : [];
  const files = new Set<string>();
  for (const c of commits) for (const k of ['added', 'removed', 'modified']) for (const f of stringArray(c, k)) files.add(f);
  const head = optObject(p, 'head_commit');
  return {
    event: 'push',
    ref: required(p, 'ref', 'push'),
    before: optString(p, 'before') ?? '',
    after,
    created: p['created'] === true,
    // Older payloads may lack `deleted`; an all-zero `after` says the same.
    deleted: p['deleted'] === true || ZERO_SHA.test(after),
    forced: p['forced'] === true,
    changedFiles: [...files],
    changedFilesComplete: commits.length < GITHUB_PUSH_COMMITS_CAP,
    headCommit: head && readCommit(head),
    repository,
    senderLogin,
  };
}

function readCommit(c: JsonObject): GithubCommit {
  const author = optObject(c, 'author');
  return {
    id: required(c, 'id', 'head_commit'),
    message: optString(c, 'message') ?? '',
    timestamp: optString(c, 'timestamp'),
    url: optString(c, 'url'),
    author: author && { name: optString(author, 'name'), email: optString(author, 'email'), username: optString(author, 'username') },
  };
}

function readPullRequest(p: JsonObject, repository: GithubRepository, senderLogin: string | undefined): GithubDelivery {
  const action = required(p, 'action', 'pull_request');
  const pr = optObject(p, 'pull_request');
  if (!pr) throw new GithubPayloadError('pull_request payload has no pull_request object');
  const head = optObject(pr, 'head');
  const base = optObject(pr, 'base');
  if (!head || !base) throw new GithubPayloadError('pull_request payload lacks head or base');
  const number = optNumber(p, 'number') ?? optNumber(pr, 'number');
  if (number === undefined) throw new GithubPayloadError('pull_request payload has no number');
  const headRepo = optObject(head, 'repo');
  const headRepoName = headRepo && optString(headRepo, 'full_name');
  return {
    event: 'pull_request',
    action,
    prEvent: prEventForAction(action),
    number,
    merged: pr['merged'] === true,
    sourceBranch: required(head, 'ref', 'pull_request.head'),
    targetBranch: required(base, 'ref', 'pull_request.base'),
    headSha: required(head, 'sha', 'pull_request.head'),
    baseSha: required(base, 'sha', 'pull_request.base'),
    title: optString(pr, 'title'),
    repository,
    headRepositoryFullName: headRepoName !== undefined && headRepoName !== repository.fullName ? headRepoName : undefined,
    senderLogin,
  };
}

function required(o: JsonObject, key: string, where: string): string {
  const v = optString(o, key);
  if (v === undefined) throw new GithubPayloadError(`${where} payload field "${key}" is missing or not a string`);
  return v;
}

/**
 * The matcher's view of a delivery; undefined when it cannot start anything (ping, other events,
 * PR actions outside OPEN/UPDATED/CLOSED). PR changed files are never in the payload (Surprise 32).
 */
export function toTriggerEvent(d: GithubDelivery): GitTriggerEvent | undefined {
  if (d.event === 'push') {
    // For an annotated tag `after` is the tag object; head_commit is the commit it points to.
    const revision = d.ref.startsWith('refs/tags/') && d.headCommit ? d.headCommit.id : d.after;
    return { type: 'push', ref: d.ref, revision, deleted: d.deleted, changedFiles: d.changedFilesComplete ? d.changedFiles : undefined };
  }
  if (d.event === 'pull_request' && d.prEvent) {
    return { type: 'pullRequest', event: d.prEvent, targetBranch: d.targetBranch, sourceBranch: d.sourceBranch, revision: d.headSha };
  }
  return undefined;
}
