/**
 * The environment a build's commands see (spec A.5, A.14), composed from explicit layers only —
 * never from the server's own environment. Lowest to highest:
 *   base (PATH, HOME, LANG from the caller) < CodeBuild's variables (A.14) < buildspec `env`
 *   (`variables`, then `parameter-store`, then `secrets-manager`) < project variables <
 *   StartBuild overrides (incl. a CodePipeline action's EnvironmentVariables) — Surprise 6.
 * CodeBuild's own `CODEBUILD_*` names are reserved: its values win over any layer.
 * Buildspec values are literal: `$PATH` in `env.variables` is the text `$PATH` (Surprise 7).
 */
import type { BuildspecEnv, SecretReference } from '../buildspec/index.js';
import { parseSecretReference } from '../buildspec/secret-reference.js';
import type { SecretValues } from './resolve-secrets.js';
import type { EnvironmentVariable } from './types.js';

export interface EnvSources {
  base: Record<string, string>;
  system: Record<string, string>;
  buildspec: BuildspecEnv;
  project?: EnvironmentVariable[];
  override?: EnvironmentVariable[];
}

export interface SecretLookups {
  parameterNames: string[];
  references: SecretReference[];
  /** A project/override SECRETS_MANAGER value that is not a valid reference. */
  problem?: string;
}

export interface ComposedEnv {
  env: Record<string, string>;
  /** Every value that came from Parameter Store or Secrets Manager: masked in logs. */
  secretValues: string[];
  /** Project/override variables of type PARAMETER_STORE/SECRETS_MANAGER: never exported (A.5). */
  projectSecretNames: string[];
}

export function secretLookups(sources: EnvSources): SecretLookups {
  const parameterNames = Object.values(sources.buildspec.parameterStore);
  const references = Object.values(sources.buildspec.secretsManager);
  let problem: string | undefined;
  for (const v of [...(sources.project ?? []), ...(sources.override ?? [])]) {
    if (v.type === 'PARAMETER_STORE') parameterNames.push(v.value);
    if (v.type !== 'SECRETS_MANAGER') continue;
    const ref = parseSecretReference(v.value);
    if ('problem' in ref) problem ??= `${v.name}: ${ref.problem}`;
    else references.push(ref);
  }
  return { parameterNames, references, ...(problem !== undefined ? { problem } : {}) };
}

export function composeEnvironment(sources: EnvSources, values: SecretValues): ComposedEnv {
  const env: Record<string, string> = { ...sources.base, ...sources.system, ...sources.buildspec.variables };
  const secretValues: string[] = [];
  const secret = (value: string | undefined): string => {
    secretValues.push(value ?? '');
    return value ?? '';
  };
  for (const [name, parameter] of Object.entries(sources.buildspec.parameterStore)) env[name] = secret(values.parameters.get(parameter));
  for (const [name, ref] of Object.entries(sources.buildspec.secretsManager)) env[name] = secret(values.secrets.get(ref.raw));
  const projectSecretNames: string[] = [];
  for (const v of [...(sources.project ?? []), ...(sources.override ?? [])]) {
    if (v.type === 'PARAMETER_STORE') env[v.name] = secret(values.parameters.get(v.value));
    else if (v.type === 'SECRETS_MANAGER') env[v.name] = secret(values.secrets.get(v.value));
    else env[v.name] = v.value;
    if (v.type === 'PARAMETER_STORE' || v.type === 'SECRETS_MANAGER') projectSecretNames.push(v.name);
    else if (projectSecretNames.includes(v.name)) projectSecretNames.splice(projectSecretNames.indexOf(v.name), 1);
  }
  for (const [name, value] of Object.entries(sources.system)) if (name.startsWith('CODEBUILD_')) env[name] = value;
  return { env, secretValues: secretValues.filter((s) => s !== ''), projectSecretNames };
}

/**
 * Names whose final values become `exportedEnvironmentVariables` (spec A.5, A.15): the buildspec's
 * `exported-variables`, minus `AWS_*` names and project-level secret variables.
 */
export function exportableNames(buildspec: BuildspecEnv, projectSecretNames: readonly string[]): string[] {
  return [...new Set(buildspec.exportedVariables)].filter((n) => !n.startsWith('AWS_') && !projectSecretNames.includes(n));
}
