// Pure V2-trigger and v1-webhook logic (spec C.6, D.4, Part E); no I/O beyond node:crypto.
export { GlobSyntaxError, JsonPathSyntaxError, WebhookAuthConfigError, GithubPayloadError } from './errors.js';
export { compileGlob, checkGlob, type Glob } from './glob.js';
export type {
  GitFilterCriteria,
  GitPushFilter,
  GitPullRequestFilter,
  GitPullRequestEventType,
  GitConfiguration,
  PipelineTriggerDeclaration,
  GitTriggerEvent,
} from './trigger-types.js';
export { matchTrigger, matchDefaultBranch, matchSourceAction, type TriggerDecision } from './git-trigger-match.js';
export { validateTriggerPatterns, type TriggerDiagnostic } from './trigger-validate.js';
export {
  decodeGithubBody,
  readGithubDelivery,
  toTriggerEvent,
  prEventForAction,
  GITHUB_PUSH_COMMITS_CAP,
  type GithubDelivery,
  type GithubRepository,
  type GithubCommit,
} from './github-payload.js';
export {
  verifyWebhookDelivery,
  validateWebhookAuthentication,
  signGithubBody,
  header,
  type WebhookAuthenticationType,
  type WebhookAuthConfiguration,
  type WebhookDeliveryRequest,
  type WebhookAuthResult,
  type WebhookAuthFailure,
  type HeaderValues,
} from './webhook-auth.js';
export { parseCidr, ipInRange, parseIp, type IpRange } from './ip-range.js';
export { compileJsonPath, UnsupportedJsonPathError, type CompiledJsonPath } from './json-path.js';
export {
  evaluateWebhookFilters,
  validateFilter,
  validateFilters,
  substitutePlaceholders,
  type WebhookFilterRule,
  type WebhookFilterResult,
} from './webhook-filters.js';
export { normaliseDeliveryId, type DeliveryIdResult } from './delivery-dedupe.js';
