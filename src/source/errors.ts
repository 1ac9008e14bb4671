/**
 * Domain errors of hosted repositories. Codes are stable; services/codecommit maps each to the
 * CodeCommit exception of the same meaning (RepositoryNotFound → RepositoryDoesNotExistException…).
 * Messages follow AWS's wording where it is known; where it is not, they name what was asked for.
 */
import { AppError } from '../shared/index.js';

export type SourceErrorCode =
  | 'RepositoryNameRequired'
  | 'InvalidRepositoryName'
  | 'RepositoryNameExists'
  | 'RepositoryNotFound'
  | 'InvalidRepositoryDescription'
  | 'MaximumRepositoryNamesExceeded'
  | 'BranchNameRequired'
  | 'InvalidBranchName'
  | 'BranchNotFound'
  | 'BranchNameExists'
  | 'DefaultBranchCannotBeDeleted'
  | 'CommitIdRequired'
  | 'InvalidCommitId'
  | 'CommitIdNotFound'
  | 'CommitRequired'
  | 'InvalidCommit'
  | 'CommitNotFound'
  | 'InvalidPath'
  | 'PathNotFound'
  | 'InvalidContinuationToken'
  | 'InvalidMaxResults'
  | 'InvalidResourceArn'
  | 'InvalidTagsMap'
  | 'InvalidTagKeysList'
  | 'InvalidSystemTagUsage'
  | 'TooManyTags'
  | 'RemoteUnavailable';

export function sourceError(code: SourceErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { fault: 'user', details });
}

/** AWS: `<name> does not exist`. */
export function repositoryNotFound(name: string): AppError {
  return sourceError('RepositoryNotFound', `${name} does not exist`, { name });
}

export function repositoryNameExists(name: string): AppError {
  return sourceError('RepositoryNameExists', `Repository named ${name} already exists`, { name });
}

export function branchNotFound(name: string): AppError {
  return sourceError('BranchNotFound', `Branch not found: ${name}`, { name });
}

export function commitNotFound(specifier: string): AppError {
  return sourceError('CommitNotFound', `Could not find commit: ${specifier}`, { specifier });
}

/** A git child process failed where nothing the user sent explains it: a server fault. */
export function gitFailure(what: string, cause: unknown): AppError {
  return new AppError('GitFailure', `git ${what} failed`, { fault: 'system', cause });
}
