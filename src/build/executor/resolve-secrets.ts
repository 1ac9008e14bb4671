/**
 * Fetches the Parameter Store and Secrets Manager values a build needs, the way the agent does in
 * DOWNLOAD_SOURCE (`Decrypting parameter store environment variables`, spec A.5). A problem fails
 * that phase with the context AWS shows (observed in real logs):
 *   `Decrypted Variables Error` / `parameter does not exist: <name>` or `<Code>: <message>`;
 *   `Secrets Manager Error` / `ResourceNotFoundException: Secrets Manager can't find the specified secret.`
 */
import { errorMessage, isAppError } from '../../shared/index.js';
import type { SecretReference } from '../buildspec/index.js';
import type { SecretResolvers } from './resolvers.js';
import type { PhaseContext } from './types.js';

export const DECRYPTED_VARIABLES_ERROR = 'Decrypted Variables Error';
export const SECRETS_MANAGER_ERROR = 'Secrets Manager Error';
/** ssm:GetParameters accepts at most 10 names per call. */
const PARAMETERS_PER_CALL = 10;

export interface SecretValues {
  /** SSM parameter name → value. */
  parameters: Map<string, string>;
  /** Secret reference as written (`id:key:stage:version`) → value. */
  secrets: Map<string, string>;
}

export type SecretsOutcome = { ok: true; values: SecretValues } | { ok: false; context: PhaseContext };

export async function resolveSecrets(parameterNames: string[], references: SecretReference[], resolvers: SecretResolvers | undefined): Promise<SecretsOutcome> {
  const values: SecretValues = { parameters: new Map(), secrets: new Map() };
  const names = [...new Set(parameterNames)];
  if (names.length > 0) {
    const failure = await fetchParameters(names, resolvers, values.parameters);
    if (failure) return { ok: false, context: { statusCode: DECRYPTED_VARIABLES_ERROR, message: failure } };
  }
  for (const ref of references) {
    if (values.secrets.has(ref.raw)) continue;
    const result = await fetchSecret(ref, resolvers);
    if ('problem' in result) return { ok: false, context: { statusCode: SECRETS_MANAGER_ERROR, message: result.problem } };
    values.secrets.set(ref.raw, result.value);
  }
  return { ok: true, values };
}

async function fetchParameters(names: string[], resolvers: SecretResolvers | undefined, into: Map<string, string>): Promise<string | undefined> {
  if (!resolvers) return 'no Parameter Store is reachable from this build';
  for (let i = 0; i < names.length; i += PARAMETERS_PER_CALL) {
    const batch = names.slice(i, i + PARAMETERS_PER_CALL);
    try {
      const got = await resolvers.getParameters(batch);
      const missing = batch.find((n) => got.invalid.includes(n) || got.values[n] === undefined);
      if (missing !== undefined) return `parameter does not exist: ${missing}`;
      for (const n of batch) into.set(n, got.values[n]!);
    } catch (err) {
      return serviceError(err);
    }
  }
  return undefined;
}

async function fetchSecret(ref: SecretReference, resolvers: SecretResolvers | undefined): Promise<{ value: string } | { problem: string }> {
  if (!resolvers) return { problem: 'no Secrets Manager is reachable from this build' };
  let secret;
  try {
    secret = await resolvers.getSecretValue({
      secretId: ref.secretId,
      ...(ref.versionStage !== undefined ? { versionStage: ref.versionStage } : {}),
      ...(ref.versionId !== undefined ? { versionId: ref.versionId } : {}),
    });
  } catch (err) {
    return { problem: serviceError(err) };
  }
  // A binary secret is handed over as the API returns it: base64 (unverified what AWS does).
  const text = secret.secretString ?? (secret.secretBinary ? Buffer.from(secret.secretBinary).toString('base64') : '');
  if (ref.jsonKey === undefined) return { value: text };
  return jsonValue(text, ref.jsonKey);
}

/** `secret-id:json-key` picks one key of a JSON secret; non-string values are passed as JSON text. */
function jsonValue(text: string, key: string): { value: string } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Wording unverified: AWS's exact message for a non-JSON secret is not documented.
    return { problem: `secret is not valid JSON, cannot read key ${key}` };
  }
  if (typeof parsed !== 'object' || parsed === null || !(key in parsed)) return { problem: `secret does not contain the JSON key ${key}` };
  const value = (parsed as Record<string, unknown>)[key];
  return { value: typeof value === 'string' ? value : JSON.stringify(value) };
}

/** The Go SDK's error text the agent prints: `<Code>: <message>` then the status line. */
function serviceError(err: unknown): string {
  if (!isAppError(err)) return `RequestError: send request failed\ncaused by: ${errorMessage(err)}`;
  const { statusCode, requestId } = err.details as { statusCode?: number; requestId?: string };
  const status = statusCode !== undefined && requestId !== undefined ? `\n\tstatus code: ${statusCode}, request id: ${requestId}` : '';
  return `${err.code}: ${err.message}${status}`;
}
