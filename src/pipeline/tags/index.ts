// Tags of pipelines and webhooks by ARN (spec D.5).
export { tagResource, untagResource, listTagsForResource } from './tags.js';
export { parseResourceArn, type TaggableResource } from './resource-arn.js';
