/**
 * Typed user errors of the trigger/webhook layer. Each one is an AppError (fault 'user') whose
 * `code` tells services/codepipeline which AWS exception to answer with:
 * - InvalidGlobPattern → the pipeline validation error for a bad trigger pattern;
 * - InvalidWebhookFilterPattern → InvalidWebhookFilterPatternException (PutWebhook);
 * - InvalidWebhookAuthenticationParameters → InvalidWebhookAuthenticationParametersException;
 * - InvalidGithubPayload → the delivery is answered 400 and logged, never a pipeline start.
 */
import { AppError } from '../../shared/index.js';

export class GlobSyntaxError extends AppError {
  /** Index in the pattern where the problem was seen (Java's PatternSyntaxException index). */
  readonly index: number;
  constructor(readonly pattern: string, description: string, index: number) {
    super('InvalidGlobPattern', `${description} near index ${index} in glob pattern ${JSON.stringify(pattern)}`, {
      details: { pattern, index },
    });
    this.name = 'GlobSyntaxError';
    this.index = index;
  }
}

export class JsonPathSyntaxError extends AppError {
  constructor(readonly path: string, description: string, index: number) {
    super('InvalidWebhookFilterPattern', `${description} at position ${index} in JsonPath ${JSON.stringify(path)}`, {
      details: { path, index },
    });
    this.name = 'JsonPathSyntaxError';
  }
}

export class WebhookAuthConfigError extends AppError {
  constructor(message: string) {
    super('InvalidWebhookAuthenticationParameters', message);
    this.name = 'WebhookAuthConfigError';
  }
}

export class GithubPayloadError extends AppError {
  constructor(message: string) {
    super('InvalidGithubPayload', message);
    this.name = 'GithubPayloadError';
  }
}
