/**
 * DOWNLOAD_SOURCE for a source that is already on disk: read and parse the buildspec (a problem
 * fails the phase with YAML_FILE_ERROR — Surprise 36), fetch Parameter Store / Secrets Manager
 * values (a problem fails it with AWS's context, spec A.5), compose the environment, and seed the
 * agent's state (env snapshot, starting directory). Log lines follow a real agent's (spec A.1, A.10).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parseBuildspec, planBuild, toYamlFileError, YAML_FILE_ERROR } from '../../buildspec/index.js';
import { composeEnvironment, secretLookups } from '../compose-env.js';
import type { PhaseOutcome } from '../hooks.js';
import { resolveSecrets, SECRETS_MANAGER_ERROR } from '../resolve-secrets.js';
import type { RunContext } from './context.js';

export async function downloadSource(ctx: RunContext): Promise<PhaseOutcome> {
  const { input, log } = ctx;
  log.agent('Phase is DOWNLOAD_SOURCE');
  log.agent(`CODEBUILD_SRC_DIR=${input.srcDir}`);
  const source = await readBuildspec(ctx);
  if ('problem' in source) return { ok: false, context: { statusCode: YAML_FILE_ERROR, message: source.problem } };
  log.agent(`YAML location is ${source.location}`);
  const parsed = parseBuildspec(source.text, source.location);
  ctx.diagnostics = parsed.diagnostics;
  const yamlError = toYamlFileError(parsed.diagnostics);
  if (yamlError || !parsed.buildspec) return { ok: false, context: { statusCode: YAML_FILE_ERROR, message: yamlError?.message ?? 'invalid buildspec' } };
  const buildspec = parsed.buildspec;
  ctx.buildspec = buildspec;
  ctx.plan = planBuild(buildspec);

  log.agent('Processing environment variables');
  const sources = { base: input.baseEnv, system: input.systemEnv, buildspec: buildspec.env, project: input.projectEnv ?? [], override: input.overrideEnv ?? [] };
  const lookups = secretLookups(sources);
  if (lookups.problem !== undefined) return { ok: false, context: { statusCode: SECRETS_MANAGER_ERROR, message: lookups.problem } };
  if (lookups.parameterNames.length > 0) log.agent('Decrypting parameter store environment variables');
  const secrets = await resolveSecrets(lookups.parameterNames, lookups.references, input.resolvers);
  if (!secrets.ok) return secrets;
  const composed = composeEnvironment(sources, secrets.values);
  ctx.masker.add(composed.secretValues);
  ctx.env = composed.env;
  ctx.projectSecretNames = composed.projectSecretNames;
  ctx.shell = shellOf(buildspec.env.shell);

  log.agent(`Moving to directory ${input.srcDir}`);
  if (!buildspec.cache) log.agent('Cache is not defined in the buildspec');
  await writeFile(ctx.files.envFile, '', { mode: 0o600 });
  await writeFile(ctx.files.dirFile, `${input.srcDir}\n`, { mode: 0o600 });
  log.agent('Registering with agent');
  for (const line of ctx.plan.summary) log.agent(line);
  return { ok: true };
}

async function readBuildspec(ctx: RunContext): Promise<{ text: string; location: string } | { problem: string }> {
  const spec = ctx.input.buildspec;
  if ('inline' in spec) return { text: spec.inline, location: spec.location };
  const location = isAbsolute(spec.path) ? spec.path : join(ctx.input.srcDir, spec.path);
  try {
    return { text: await readFile(location, 'utf8'), location };
  } catch {
    // The Go agent's stat error (observed: `stat /codebuild/output/src…/src/buildspec.yml: no such file or directory`).
    return { problem: `stat ${location}: no such file or directory` };
  }
}

/** `env.shell` (spec A.5, Surprise 16): POSIX `sh` unless `bash`; `/bin/sh` as written. */
function shellOf(shell: string | undefined): string {
  return shell === undefined || shell === '' ? 'sh' : shell;
}
