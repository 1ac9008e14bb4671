/**
 * Domain errors of projects and builds. Codes are stable; services/codebuild maps them to AWS's
 * exception names (InvalidInputException, ResourceNotFoundException, …). Messages are AWS's where
 * they are known (observed in real error output), so the mapping can pass them through.
 */
import { AppError, formatArn } from '../../shared/index.js';
import type { CodeBuildScope } from './types.js';

export type CodeBuildErrorCode =
  | 'InvalidInput'
  | 'ProjectNotFound'
  | 'ProjectAlreadyExists'
  | 'BuildNotFound'
  | 'AccountLimitExceeded'
  | 'ReportGroupNotFound'
  | 'ReportGroupAlreadyExists'
  | 'ReportNotFound';

export function codebuildError(code: CodeBuildErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { fault: 'user', details });
}

export function invalidInput(message: string): AppError {
  return codebuildError('InvalidInput', message);
}

export function projectArn(scope: CodeBuildScope, name: string): string {
  return formatArn({ service: 'codebuild', region: scope.region, account: scope.accountId, resource: `project/${name}` });
}

/** Observed: `Project cannot be found: arn:aws:codebuild:<r>:<a>:project/<name>`. */
export function projectNotFound(scope: CodeBuildScope, name: string): AppError {
  return codebuildError('ProjectNotFound', `Project cannot be found: ${projectArn(scope, name)}`, { name });
}

/** Observed: `Project already exists: arn:aws:codebuild:<r>:<a>:project/<name>`. */
export function projectAlreadyExists(scope: CodeBuildScope, name: string): AppError {
  return codebuildError('ProjectAlreadyExists', `Project already exists: ${projectArn(scope, name)}`, { name });
}

/** Wording unverified (no primary source); the build id is what the caller needs to see. */
export function buildNotFound(id: string): AppError {
  return codebuildError('BuildNotFound', `Build ${id} does not exist`, { id });
}
