/**
 * Secrets of pipelines at rest (DESIGN: secrets encrypted at rest): secret action configuration
 * values (e.g. GitHub v1 `OAuthToken`) and webhook `SecretToken`s are stored sealed with the
 * server's master key (AES-256-GCM, src/secrets), as `nagare-sealed:1:<base64>`. The AAD context
 * binds a value to its place (pipeline, stage, action, key / webhook), so a sealed value copied
 * elsewhere does not open. GetPipeline and ListWebhooks never show them (`****`).
 */
import type { Cipher } from '../secrets/index.js';
import type { PipelineScope } from './actions/types.js';
import { findActionType, secretKeys, type PipelineDeclaration } from './declaration/index.js';

const PREFIX = 'nagare-sealed:1:';

export const isSealed = (value: string): boolean => value.startsWith(PREFIX);

export function seal(cipher: Cipher, context: string, plaintext: string): string {
  return isSealed(plaintext) ? plaintext : PREFIX + cipher.encrypt(Buffer.from(plaintext, 'utf8'), context).toString('base64');
}

export function unseal(cipher: Cipher, context: string, value: string): string {
  return isSealed(value) ? cipher.decrypt(Buffer.from(value.slice(PREFIX.length), 'base64'), context).toString('utf8') : value;
}

export const webhookSecretContext = (scope: PipelineScope, name: string): string => `codepipeline:webhook:${scope.accountId}:${scope.region}:${name}`;

const actionContext = (scope: PipelineScope, pipeline: string, stage: string, action: string, key: string): string =>
  `codepipeline:action:${scope.accountId}:${scope.region}:${pipeline}:${stage}:${action}:${key}`;

/** The declaration with every secret configuration value sealed (values kept with `****` are sealed already). */
export function sealDeclaration(cipher: Cipher, scope: PipelineScope, pipeline: PipelineDeclaration): PipelineDeclaration {
  return {
    ...pipeline,
    stages: pipeline.stages.map((stage) => ({
      ...stage,
      actions: stage.actions.map((action) => {
        const spec = findActionType(action.actionTypeId);
        const keys = spec ? secretKeys(spec).filter((k) => action.configuration?.[k] !== undefined) : [];
        if (keys.length === 0) return action;
        const configuration = { ...action.configuration };
        for (const k of keys) configuration[k] = seal(cipher, actionContext(scope, pipeline.name, stage.name, action.name, k), configuration[k]!);
        return { ...action, configuration };
      }),
    })),
  };
}
