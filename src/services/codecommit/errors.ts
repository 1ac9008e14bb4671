import { AwsError } from '../../aws/index.js';
import { isAppError } from '../../shared/index.js';

/**
 * Domain AppErrors (src/source) → CodeCommit's modeled exceptions (all HTTP 400,
 * `{"__type","message"}`). Messages pass through: the domain writes AWS's wording where known.
 */
const CODES: Record<string, string> = {
  RepositoryNameRequired: 'RepositoryNameRequiredException',
  InvalidRepositoryName: 'InvalidRepositoryNameException',
  RepositoryNameExists: 'RepositoryNameExistsException',
  RepositoryNotFound: 'RepositoryDoesNotExistException',
  InvalidRepositoryDescription: 'InvalidRepositoryDescriptionException',
  MaximumRepositoryNamesExceeded: 'MaximumRepositoryNamesExceededException',
  BranchNameRequired: 'BranchNameRequiredException',
  InvalidBranchName: 'InvalidBranchNameException',
  BranchNotFound: 'BranchDoesNotExistException',
  BranchNameExists: 'BranchNameExistsException',
  DefaultBranchCannotBeDeleted: 'DefaultBranchCannotBeDeletedException',
  CommitIdRequired: 'CommitIdRequiredException',
  InvalidCommitId: 'InvalidCommitIdException',
  CommitIdNotFound: 'CommitIdDoesNotExistException',
  CommitRequired: 'CommitRequiredException',
  InvalidCommit: 'InvalidCommitException',
  CommitNotFound: 'CommitDoesNotExistException',
  InvalidPath: 'InvalidPathException',
  PathNotFound: 'PathDoesNotExistException',
  InvalidContinuationToken: 'InvalidContinuationTokenException',
  InvalidMaxResults: 'InvalidMaxResultsException',
  InvalidResourceArn: 'InvalidResourceArnException',
  InvalidTagsMap: 'InvalidTagsMapException',
  InvalidTagKeysList: 'InvalidTagKeysListException',
  InvalidSystemTagUsage: 'InvalidSystemTagUsageException',
  TooManyTags: 'TooManyTagsException',
};

export function toCodeCommitAwsError(err: unknown): unknown {
  if (!isAppError(err)) return err;
  const code = CODES[err.code];
  if (code) return new AwsError(code, err.message, 400);
  return err;
}
