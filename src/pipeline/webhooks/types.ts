/** CodePipeline v1 webhook shapes as on the wire (spec D.4; member names as in the model). */
import type { WebhookAuthConfiguration, WebhookAuthenticationType, WebhookFilterRule } from '../triggers/index.js';
import type { Tag } from '../pipelines/pipeline-repo.js';

export interface WebhookDefinition {
  name: string;
  targetPipeline: string;
  targetAction: string;
  filters: WebhookFilterRule[];
  authentication: WebhookAuthenticationType;
  authenticationConfiguration: WebhookAuthConfiguration;
}

/** ListWebhookItem: what PutWebhook and ListWebhooks answer (SecretToken redacted). */
export interface WebhookItemView {
  definition: WebhookDefinition;
  url: string;
  errorMessage?: string;
  errorCode?: string;
  lastTriggered?: Date;
  arn: string;
  tags: Tag[];
}

export interface PutWebhookInput {
  webhook: WebhookDefinition;
  tags?: Tag[];
}

/** What the route hands to handleWebhookDelivery: the request as received. */
export interface WebhookDelivery {
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The exact bytes received: the HMAC covers them (Surprise 33). */
  rawBody: Uint8Array;
  /** The socket's peer address (never X-Forwarded-For). */
  remoteAddress: string | undefined;
}

export interface WebhookDeliveryResult {
  /** HTTP status for the sender (GitHub shows it in the hook's delivery log). */
  status: number;
  message: string;
  /** Set when this delivery started an execution (or replays one that did). */
  pipelineExecutionId?: string;
}
