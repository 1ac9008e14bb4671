/**
 * Taggable CodePipeline resources by ARN (spec D.5): pipelines `arn:aws:codepipeline:<region>:
 * <account>:<name>` and webhooks `…:webhook:<name>`. Custom action types (`…:actiontype:…`) are
 * taggable on AWS but cannot exist here (CreateCustomActionType is not implemented), so their ARNs
 * are well-formed but never found.
 */
import { parseArn } from '../../shared/index.js';
import type { PipelineScope } from '../actions/types.js';
import { pipelineError } from '../errors.js';

export type TaggableResource = { kind: 'pipeline'; name: string } | { kind: 'webhook'; name: string } | { kind: 'actiontype'; id: string };

const NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;

/** InvalidArnException for what is not a CodePipeline resource ARN; ResourceNotFoundException for another account or region. */
export function parseResourceArn(scope: PipelineScope, arn: string): TaggableResource {
  const parts = parseArn(arn);
  if (!parts || !/^aws(-[\w]+)*$/.test(parts.partition) || parts.service !== 'codepipeline' || !/^[0-9]{12}$/.test(parts.account) || parts.region === '') {
    throw pipelineError('InvalidArnException', `The ARN ${arn} is not a valid CodePipeline resource ARN`);
  }
  const resource = resourceOf(parts.resource);
  if (!resource) throw pipelineError('InvalidArnException', `The ARN ${arn} names neither a pipeline nor a webhook`);
  if (parts.account !== scope.accountId || parts.region !== scope.region) {
    throw pipelineError('ResourceNotFoundException', `The resource ${arn} is not in account ${scope.accountId}, region ${scope.region}`);
  }
  return resource;
}

function resourceOf(resource: string): TaggableResource | undefined {
  if (resource.startsWith('webhook:')) {
    const name = resource.slice('webhook:'.length);
    return NAME.test(name) ? { kind: 'webhook', name } : undefined;
  }
  if (resource.startsWith('actiontype:')) return { kind: 'actiontype', id: resource.slice('actiontype:'.length) };
  return NAME.test(resource) ? { kind: 'pipeline', name: resource } : undefined;
}
