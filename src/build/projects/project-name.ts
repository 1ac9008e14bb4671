import { parseArn } from '../../shared/index.js';
import type { CodeBuildScope } from './types.js';

/**
 * A project named by name or by ARN (BatchGetProjects; a pipeline's `ProjectName`, which Terraform's
 * `aws_codebuild_project.x.id` fills with the ARN) → its name. An ARN of another account, region
 * or service names nothing here: undefined.
 */
export function projectNameOf(scope: CodeBuildScope, given: string): string | undefined {
  if (!given.startsWith('arn:')) return given;
  const arn = parseArn(given);
  if (!arn || arn.service !== 'codebuild' || arn.region !== scope.region || arn.account !== scope.accountId) return undefined;
  return arn.resource.startsWith('project/') ? arn.resource.slice('project/'.length) : undefined;
}
