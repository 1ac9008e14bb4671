/**
 * Names users choose. Repository names follow CodeCommit's rules (pattern `[\w\.-]+`, 1–100
 * characters, no `.git` suffix) plus ours: never `.`/`..`-like, so a name can never be mistaken
 * for a path component. Branch names follow `git check-ref-format` (pure, so the API can refuse a
 * name before any git process runs).
 */
import { sourceError } from './errors.js';

const REPOSITORY_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** Why `name` is not a valid repository name, or undefined when it is. */
export function repositoryNameProblem(name: string): string | undefined {
  if (!REPOSITORY_NAME.test(name)) return 'names may contain only letters, digits, ".", "_" and "-" (1 to 100 characters)';
  if (/^\.+$/.test(name)) return 'a name cannot consist of dots only';
  if (name.toLowerCase().endsWith('.git')) return 'the suffix .git is prohibited';
  return undefined;
}

export function checkRepositoryName(name: string | undefined): string {
  if (name === undefined || name === '') throw sourceError('RepositoryNameRequired', 'A repository name is required, but was not specified.');
  const problem = repositoryNameProblem(name);
  if (problem) throw sourceError('InvalidRepositoryName', `The repository name '${name}' is not valid: ${problem}.`, { name });
  return name;
}

/** `git check-ref-format` rules for `refs/heads/<name>`, and not starting with "-". */
export function branchNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 256) return 'must be 1 to 256 characters';
  if (name.startsWith('-')) return 'cannot start with "-"';
  if (name === '@') return 'cannot be "@"';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'contains a character git does not allow in ref names';
  if (name.includes('..') || name.includes('@{') || name.includes('//')) return 'contains "..", "@{" or "//"';
  if (name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return 'cannot start or end with "/" or end with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.') || part.endsWith('.lock')) return 'a path component cannot start with "." or end with ".lock"';
  }
  return undefined;
}

export function checkBranchName(name: string | undefined): string {
  if (name === undefined || name === '') throw sourceError('BranchNameRequired', 'A branch name is required, but was not specified.');
  const problem = branchNameProblem(name);
  if (problem) throw sourceError('InvalidBranchName', `The branch name '${name}' is not valid: ${problem}.`, { name });
  return name;
}

const FULL_SHA = /^[0-9a-f]{40}$/;

export function isFullSha(s: string): boolean {
  return FULL_SHA.test(s);
}

/**
 * A commit specifier (branch, tag, HEAD, full or abbreviated id, `refs/…`) safe to hand to
 * `git rev-parse --verify`: never an option, never a control character, no revision ranges.
 */
export function commitSpecifierProblem(spec: string): string | undefined {
  if (spec.length === 0 || spec.length > 1024) return 'must be 1 to 1024 characters';
  if (spec.startsWith('-')) return 'cannot start with "-"';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(spec)) return 'contains a control character';
  if (spec.includes('..') || spec.startsWith(':')) return 'ranges and searches are not commit specifiers';
  return undefined;
}
