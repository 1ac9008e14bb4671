import { formatArn, parseArn } from '../shared/index.js';
import { groupNotFound, invalidParameter } from './errors.js';
import type { LogsScope } from './types.js';

/**
 * Log group and stream names, ARNs and identifiers. The gateway already enforces the model's
 * length and character rules for API input; these checks are the ones the model cannot express,
 * and they also guard in-process writers (CodeBuild) that never pass through the gateway.
 */
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

export function validateGroupName(name: string): void {
  if (!GROUP_NAME.test(name)) {
    throw invalidParameter(`1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
  }
}

/** CreateLogGroup only: AWS reserves names that start with "aws/" (not "/aws/…"). */
export function validateNewGroupName(name: string): void {
  validateGroupName(name);
  if (name.startsWith('aws/')) throw invalidParameter("Log group names can't start with the string aws/");
}

export function validateStreamName(name: string): void {
  if (name.length < 1 || name.length > 512 || /[:*]/.test(name)) {
    throw invalidParameter(`1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`);
  }
}

/** The ARN DescribeLogGroups reports as `arn`: with the trailing `:*` IAM policies use. */
export function groupArnWildcard(scope: LogsScope, name: string): string {
  return `${groupArn(scope, name)}:*`;
}

/** The ARN without `:*` (`logGroupArn`; what tagging APIs and logGroupIdentifier take). */
export function groupArn(scope: LogsScope, name: string): string {
  return formatArn({ service: 'logs', region: scope.region, account: scope.accountId, resource: `log-group:${name}` });
}

export function streamArn(scope: LogsScope, group: string, stream: string): string {
  return `${groupArn(scope, group)}:log-stream:${stream}`;
}

/**
 * A logGroupIdentifier is a name or a log group ARN (with or without `:*`). An ARN of another
 * account or region names a group this scope cannot see: ResourceNotFoundException, as AWS does
 * for a group it does not have.
 */
export function groupNameFromIdentifier(scope: LogsScope, identifier: string): string {
  if (!identifier.startsWith('arn:')) return identifier;
  const arn = parseArn(identifier);
  const m = arn ? /^log-group:([^:]+)(?::\*)?$/.exec(arn.resource) : null;
  if (!arn || !m || arn.service !== 'logs') throw invalidParameter(`Invalid log group identifier: ${identifier}`);
  if (arn.account !== scope.accountId || arn.region !== scope.region) throw groupNotFound(m[1]!);
  return m[1]!;
}

/** Resolves the name/identifier pair that GetLogEvents, FilterLogEvents and DescribeLogStreams take. */
export function resolveGroupName(scope: LogsScope, name: string | undefined, identifier: string | undefined): string {
  if (name !== undefined && identifier !== undefined) {
    throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (identifier !== undefined) return groupNameFromIdentifier(scope, identifier);
  if (name === undefined) throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
  return name;
}
