import { AppError } from '../shared/index.js';

/**
 * The Logs domain's errors. Codes are stable (tests, CodeBuild and services/logs key off them);
 * messages are AWS's texts where AWS's are known, so the provider passes them through unchanged.
 */
export type LogsErrorCode =
  | 'LogGroupNotFound'
  | 'LogStreamNotFound'
  | 'LogGroupAlreadyExists'
  | 'LogStreamAlreadyExists'
  | 'InvalidParameter'
  | 'InvalidNextToken'
  | 'InvalidFilterPattern'
  | 'TooManyTags'
  | 'DeletionProtected'
  | 'OperationAborted';

export function logsError(code: LogsErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { fault: 'user', retryable: code === 'OperationAborted', details });
}

export function groupNotFound(name: string): AppError {
  return logsError('LogGroupNotFound', 'The specified log group does not exist.', { logGroupName: name });
}

export function streamNotFound(group: string, stream: string): AppError {
  return logsError('LogStreamNotFound', 'The specified log stream does not exist.', { logGroupName: group, logStreamName: stream });
}

export function invalidParameter(message: string): AppError {
  return logsError('InvalidParameter', message);
}

export function invalidNextToken(): AppError {
  return logsError('InvalidNextToken', 'The specified nextToken is invalid.');
}
